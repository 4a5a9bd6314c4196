package dev.integrations.cli;

import dev.integrations.bootstrap.ConfigSource;
import dev.integrations.bootstrap.Settings;
import dev.integrations.bootstrap.Wiring;
import dev.integrations.core.service.Integrations;
import java.util.Map;
import java.util.Objects;

/**
 * What the commands of one run share: the configuration, the terminal, where they act ({@link
 * Target}), and the {@link Wiring}, started on first use (so {@code --help}, {@code completion} and
 * a command acting through a server never open the database) and closed with this.
 *
 * <p>One per run; not thread-safe.
 */
final class CliContext implements AutoCloseable {
  private final Map<String, String> environment;
  private final Terminal terminal;
  private Settings settings;
  private Wiring wiring;
  private Target target;

  CliContext(Map<String, String> environment, Terminal terminal) {
    this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    this.terminal = Objects.requireNonNull(terminal, "terminal");
  }

  /** The validated configuration. */
  Settings settings() {
    if (settings == null) {
      settings = Settings.from(ConfigSource.of(environment));
    }
    return settings;
  }

  /** The assembled library, started on first use. */
  Wiring wiring() {
    if (wiring == null) {
      wiring = Wiring.start(settings());
    }
    return wiring;
  }

  Integrations integrations() {
    return wiring().integrations();
  }

  /**
   * Where a command run with {@code options} acts: through a server's API or on the database (see
   * {@link Target}); chosen once per run.
   */
  Target target(CommonOptions options) {
    if (target == null) {
      target = Target.choose(this, options);
    }
    return target;
  }

  Terminal terminal() {
    return terminal;
  }

  /**
   * Hands the wiring over to a caller that closes it itself ({@code serve} stops it on shutdown);
   * {@link #close()} then leaves it alone.
   */
  Wiring releaseWiring() {
    Wiring started = wiring();
    wiring = null;
    return started;
  }

  @Override
  public void close() {
    if (wiring != null) {
      wiring.close();
      wiring = null;
    }
  }
}
