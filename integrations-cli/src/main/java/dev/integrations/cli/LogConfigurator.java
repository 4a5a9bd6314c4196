package dev.integrations.cli;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The command's logging, configured in code when Logback starts (found through {@code
 * META-INF/services}; no XML is parsed, which keeps a command's start fast). Everything goes to
 * standard error:
 *
 * <ul>
 *   <li>a one-shot command: warnings and errors only, as {@code [WARN] H2Urls - message};
 *   <li>{@code --verbose}: the same lines from INFO up;
 *   <li>{@code serve}: INFO with an ISO-8601 timestamp, one line per request, written by one
 *       background thread from a bounded queue ({@link AsyncAppender}): request threads never wait
 *       for the terminal or each other, and no line is dropped (a full queue makes callers wait
 *       instead).
 * </ul>
 *
 * <p>Flyway, Jetty, Javalin and HikariCP speak up at WARN only. An operator who wants other levels
 * or another destination names a Logback file with {@code -Dlogback.configurationFile=...}
 * (INTEGRATIONS_JAVA_OPTS), which then replaces this configuration.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogConfigurator extends ContextAwareBase implements Configurator {
  /**
   * The system property {@link Main} sets before the first logger: {@code serve}, {@code verbose}.
   */
  static final String MODE_PROPERTY = "integrations.log";

  static final String SERVE_PATTERN =
      "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} [%level] %logger{0} - %msg%n";
  static final String COMMAND_PATTERN = "[%level] %logger{0} - %msg%n";
  private static final int QUEUE_SIZE = 4096;
  private static final List<String> QUIET_LIBRARIES =
      List.of("org.flywaydb", "org.eclipse.jetty", "io.javalin", "com.zaxxer.hikari");

  /** Used by Logback's service loader. */
  public LogConfigurator() {}

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY; // the operator's own file
    }
    String mode = System.getProperty(MODE_PROPERTY, "");
    boolean serve = mode.equals("serve");
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(serve || mode.equals("verbose") ? Level.INFO : Level.WARN);
    for (String library : QUIET_LIBRARIES) {
      context.getLogger(library).setLevel(Level.WARN);
    }
    Appender<ILoggingEvent> console = console(context, serve ? SERVE_PATTERN : COMMAND_PATTERN);
    root.addAppender(serve ? asynchronous(context, console) : console);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** Writes what is still queued and stops logging; for the end of {@code serve}. */
  static void flush() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.stop();
    }
  }

  private static Appender<ILoggingEvent> console(LoggerContext context, String pattern) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(pattern);
    encoder.start();
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("stderr");
    console.setTarget("System.err");
    console.setEncoder(encoder);
    console.start();
    return console;
  }

  private static Appender<ILoggingEvent> asynchronous(
      LoggerContext context, Appender<ILoggingEvent> target) {
    AsyncAppender async = new AsyncAppender();
    async.setContext(context);
    async.setName("async");
    async.setQueueSize(QUEUE_SIZE);
    async.setDiscardingThreshold(0); // never drop INFO lines when the queue fills
    async.setNeverBlock(false);
    async.setIncludeCallerData(false);
    async.addAppender(target);
    async.start();
    return async;
  }
}
