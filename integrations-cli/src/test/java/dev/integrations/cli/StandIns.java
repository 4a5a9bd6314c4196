package dev.integrations.cli;

import dev.integrations.testing.ProviderStandIns;
import java.nio.file.Path;

/**
 * The shared provider stand-ins, with a CLI runner whose every provider endpoint is one of them.
 */
final class StandIns extends ProviderStandIns {
  StandIns() {
    super("cli-test-client");
  }

  /** A runner whose every provider endpoint is one of these stand-ins. */
  CliRunner runner(Path data) {
    CliRunner runner = new CliRunner(data);
    env().forEach(runner::env);
    return runner;
  }
}
