package dev.integrations.bootstrap;

import dev.integrations.core.error.IntegrationException;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.UserId;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * One server process of {@link CrossProcessRefreshTest}: the composition root ({@link Wiring}) on
 * the settings in its environment. It prints {@code READY}, then for each {@code GO <n>} line on
 * its input starts {@code n} concurrent callers of ann's Gmail credentials; each prints {@code
 * ARRIVED} just before it asks, then {@code GOT <access token>} or {@code FAILED <code>}. {@code
 * EXIT} ends it.
 */
public final class RefreshChild {
  static final UserId ANN = UserId.of("ann");

  private RefreshChild() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    try (Wiring wiring = Wiring.start(Settings.from(ConfigSource.fromEnvironment()))) {
      say(out, "READY");
      for (String line = in.readLine();
          line != null && !line.equals("EXIT");
          line = in.readLine()) {
        if (line.startsWith("GO ")) {
          burst(wiring, Integer.parseInt(line.substring(3)), out);
        }
      }
    }
  }

  private static void burst(Wiring wiring, int callers, PrintStream out)
      throws InterruptedException {
    CountDownLatch start = new CountDownLatch(1);
    for (int i = 0; i < callers; i++) {
      new Thread(
              () -> {
                try {
                  start.await();
                  say(out, "ARRIVED");
                  String token =
                      wiring
                          .integrations()
                          .connections()
                          .credentialsFor(ANN, IntegrationType.GMAIL)
                          .accessToken()
                          .reveal();
                  say(out, "GOT " + token);
                } catch (IntegrationException e) {
                  say(out, "FAILED " + e.code().wireName());
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              })
          .start();
    }
    start.countDown();
  }

  private static void say(PrintStream out, String line) {
    synchronized (out) {
      out.println(line);
    }
  }
}
