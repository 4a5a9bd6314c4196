package dev.integrations.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.integrations.core.model.Connection;
import dev.integrations.core.model.ConnectionStatus;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.Secret;
import dev.integrations.core.port.StoredCredentials;
import dev.integrations.persistence.AesGcmTokenCipher;
import dev.integrations.persistence.EncryptionKeys;
import dev.integrations.persistence.JdbiStores;
import dev.integrations.testing.PostgresSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real server processes ({@link RefreshChild}, each its own JVM and connection pool) on one
 * PostgreSQL schema, 32 concurrent callers of a token due for refresh split between them, against a
 * token endpoint that rotates refresh tokens and revokes the grant when one is used twice.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CrossProcessRefreshTest {
  private static final int CALLERS_PER_PROCESS = 16;
  private static final int CALLERS = 2 * CALLERS_PER_PROCESS;
  private static final Set<String> GMAIL_SCOPES =
      Set.of(
          "https://www.googleapis.com/auth/gmail.send",
          "https://www.googleapis.com/auth/gmail.readonly");

  @TempDir Path dir;
  private PostgresSchema schema;
  private final MockWebServer google = new MockWebServer();
  private final RotatingTokenEndpoint tokenEndpoint =
      new RotatingTokenEndpoint("refresh-1", CALLERS);
  private final byte[] key = new byte[32];
  private final List<Process> children = new ArrayList<>();
  private JdbiStores stores;
  private StoredCredentials seeded;

  @BeforeEach
  void seedAnExpiredGmailGrant() throws IOException {
    schema = PostgresSchema.create();
    new SecureRandom().nextBytes(key);
    google.setDispatcher(tokenEndpoint);
    google.start(InetAddress.getLoopbackAddress(), 0);
    stores =
        JdbiStores.open(
            schema.url(),
            PostgresSchema.PG_USER,
            PostgresSchema.PG_PASSWORD,
            new AesGcmTokenCipher(EncryptionKeys.of(key, List.of())),
            2);
    seeded =
        stores
            .tokenStore()
            .put(
                RefreshChild.ANN,
                IntegrationType.GMAIL,
                new Credentials(
                    Secret.of("expired"),
                    Secret.of("refresh-1"),
                    Instant.now().minusSeconds(5),
                    GMAIL_SCOPES));
    stores
        .connectionStore()
        .save(
            Connection.connected(
                RefreshChild.ANN, IntegrationType.GMAIL, Instant.now().minusSeconds(3600), null));
  }

  @AfterEach
  void stopEverything() {
    children.forEach(Process::destroyForcibly);
    google.close();
    if (stores != null) {
      stores.close();
    }
    if (schema != null) {
      schema.close();
    }
  }

  @Test
  void two_processes_make_exactly_one_refresh_for_32_concurrent_callers_and_all_get_the_new_token()
      throws Exception {
    List<String> answers = burstAcrossTwoProcesses();

    assertThat(tokenEndpoint.refreshes).hasValue(1);
    assertThat(answers).hasSize(CALLERS).containsOnly("GOT fresh-1");
    StoredCredentials stored =
        stores.tokenStore().find(RefreshChild.ANN, IntegrationType.GMAIL).orElseThrow();
    assertThat(stored.version()).isGreaterThan(seeded.version());
    assertThat(stored.credentials().refreshToken().reveal()).isEqualTo("refresh-2");
  }

  @Test
  void with_a_provider_that_revokes_the_grant_on_refresh_token_reuse_the_connection_stays_healthy()
      throws Exception {
    burstAcrossTwoProcesses();
    expireTheStoredAccessToken();

    try (Wiring later = Wiring.start(Settings.from(ConfigSource.of(env())))) {
      String token =
          later
              .integrations()
              .connections()
              .credentialsFor(RefreshChild.ANN, IntegrationType.GMAIL)
              .accessToken()
              .reveal();
      assertThat(token).isEqualTo("fresh-2");
    }
    assertThat(tokenEndpoint.grantRevoked()).isFalse();
    assertThat(
            stores
                .connectionStore()
                .find(RefreshChild.ANN, IntegrationType.GMAIL)
                .orElseThrow()
                .status())
        .isEqualTo(ConnectionStatus.CONNECTED);
  }

  /** Starts both processes, runs the burst, and returns every caller's answer line. */
  private List<String> burstAcrossTwoProcesses() throws Exception {
    BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    List<Writer> inputs = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      inputs.add(startChild("child-" + i, answers));
    }
    for (int i = 0; i < 2; i++) {
      assertThat(answers.poll(60, TimeUnit.SECONDS))
          .as("child started; logs in " + dir)
          .isEqualTo("READY");
    }
    for (Writer input : inputs) {
      input.write("GO " + CALLERS_PER_PROCESS + "\n");
      input.flush();
    }
    List<String> results = new ArrayList<>();
    while (results.size() < CALLERS) {
      String line = answers.poll(60, TimeUnit.SECONDS);
      assertThat(line).as("an answer from every caller; logs in " + dir).isNotNull();
      results.add(line);
    }
    for (Writer input : inputs) {
      input.write("EXIT\n");
      input.flush();
    }
    return results;
  }

  /**
   * Starts one server process; its ARRIVED lines open the token endpoint's latch, other lines are
   * queued.
   */
  private Writer startChild(String name, BlockingQueue<String> lines) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                RefreshChild.class.getName())
            .directory(Files.createDirectories(dir.resolve(name)).toFile())
            .redirectError(dir.resolve(name + ".log").toFile());
    builder.environment().remove(ConfigSource.CONFIG_FILE_KEY);
    builder.environment().putAll(env());
    builder.environment().put("INTEGRATIONS_DATA_DIR", dir.resolve(name).toString());
    Process child = builder.start();
    children.add(child);
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                  if (line.equals("ARRIVED")) {
                    tokenEndpoint.callersArrived.countDown();
                  } else {
                    lines.add(line);
                  }
                }
              } catch (IOException e) {
                lines.add("LOST " + e);
              }
            },
            name + "-output");
    reader.setDaemon(true);
    reader.start();
    return new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8);
  }

  /**
   * The settings of every server: the shared schema and key, Google's token endpoint on the
   * stand-in.
   */
  private Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("INTEGRATIONS_DATA_DIR", dir.toString());
    env.put("INTEGRATIONS_DB_URL", schema.url());
    env.put("INTEGRATIONS_DB_USER", PostgresSchema.PG_USER);
    env.put("INTEGRATIONS_DB_PASSWORD", PostgresSchema.PG_PASSWORD);
    env.put("INTEGRATIONS_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(key));
    env.put("INTEGRATIONS_JWT_SECRET", "a-test-secret-that-is-at-least-32-bytes-long");
    env.put("GOOGLE_CLIENT_ID", "cross-process.apps.googleusercontent.com");
    env.put("GOOGLE_CLIENT_SECRET", "cross-process-secret");
    env.put("GOOGLE_TOKEN_URI", google.url("/token").toString());
    env.put("GOOGLE_REVOKE_URI", google.url("/revoke").toString());
    env.put("GOOGLE_API_ROOT_URL", google.url("/").toString());
    return env;
  }

  /** Makes the stored access token due again, keeping the refresh token the burst stored. */
  private void expireTheStoredAccessToken() {
    StoredCredentials stored =
        stores.tokenStore().find(RefreshChild.ANN, IntegrationType.GMAIL).orElseThrow();
    Credentials c = stored.credentials();
    Credentials due =
        new Credentials(
            c.accessToken(),
            c.refreshToken(),
            Instant.now().minus(Duration.ofSeconds(1)),
            c.scopes());
    assertThat(
            stores
                .tokenStore()
                .compareAndSet(RefreshChild.ANN, IntegrationType.GMAIL, stored.version(), due))
        .isTrue();
  }
}
