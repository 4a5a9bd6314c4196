package dev.integrations.examples;

import dev.integrations.testing.ProviderStandIns;
import java.nio.file.Path;
import java.util.Map;

/** The shared provider stand-ins, with the example application's settings around them. */
final class StandIns extends ProviderStandIns {
  static final String CALLBACK = "http://127.0.0.1:8080/integrations/callback";

  StandIns() {
    super("example-app");
  }

  /**
   * The application's settings, every provider endpoint on a stand-in, the database in {@code dir}.
   */
  Map<String, String> environment(Path dir) {
    Map<String, String> env = env();
    env.put("INTEGRATIONS_DATA_DIR", dir.toString());
    env.put("INTEGRATIONS_DB_URL", "jdbc:h2:file:" + dir.resolve("app").toAbsolutePath());
    env.put("APP_OAUTH_CALLBACK_URL", CALLBACK);
    return env;
  }
}
