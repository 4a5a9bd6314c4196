package dev.integrations.cli;

import dev.integrations.bootstrap.Wiring;
import dev.integrations.http.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code integrations serve}: runs the HTTP server on {@code INTEGRATIONS_HOST}:{@code
 * INTEGRATIONS_PORT} until the process is asked to stop (Ctrl-C, SIGTERM); then it stops accepting
 * connections, lets the requests in flight finish and closes the database. While it runs, the
 * {@link ServerFile} in the data directory tells the other commands to act through it.
 */
@Command(
    name = "serve",
    description =
        "Run the HTTP API and the integrations page until stopped (Ctrl-C or SIGTERM); "
            + "requests in flight finish before it exits.")
final class ServeCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

  private final CliContext context;
  @Spec CommandSpec spec;

  ServeCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws InterruptedException {
    Wiring wiring = context.releaseWiring();
    HttpServer server;
    try {
      server = HttpServer.start(wiring);
    } catch (RuntimeException e) {
      wiring.close();
      if (portInUse(e)) {
        throw new CliException(
            ExitCodes.FAILURE,
            "address_in_use",
            "Cannot listen on "
                + wiring.settings().host()
                + ":"
                + wiring.settings().port()
                + ": the port is in use (is another 'integrations serve' running?); "
                + "set INTEGRATIONS_PORT to another port, or 0 for any free one",
            e);
      }
      throw e;
    }
    Path dataDir = wiring.settings().dataDir();
    announce(dataDir, server);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  ServerFile.delete(dataDir);
                  server.stop();
                  wiring.close();
                  LogConfigurator.flush();
                  stopped.countDown();
                },
                "integrations-shutdown"));
    spec.commandLine()
        .getOut()
        .println(
            "Integrations is listening on "
                + server.url()
                + " (API docs at "
                + server.url()
                + "docs). Press Ctrl-C to stop.");
    spec.commandLine().getOut().flush();
    stopped.await();
    return ExitCodes.OK;
  }

  /**
   * Leaves the {@link ServerFile} by which commands run beside this server find it and act through
   * its API, since the database is this process's while it runs. A loopback address replaces a
   * wildcard one.
   */
  private static void announce(Path dataDir, HttpServer server) {
    URI url = server.url();
    String host = url.getHost();
    if ("0.0.0.0".equals(host) || "[::]".equals(host) || "::".equals(host)) {
      url = URI.create("http://127.0.0.1:" + server.port() + "/");
    }
    try {
      ServerFile.write(dataDir, url);
    } catch (IOException e) {
      LOG.warn(
          "Could not write {} into {}: commands run beside this server will not find it ({})",
          ServerFile.NAME,
          dataDir,
          e.toString());
    }
  }

  private static boolean portInUse(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof BindException) {
        return true;
      }
    }
    return false;
  }
}
