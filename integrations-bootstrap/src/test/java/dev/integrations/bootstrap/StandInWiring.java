package dev.integrations.bootstrap;

import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.UserId;
import dev.integrations.core.service.ActionService;
import dev.integrations.core.service.AuthorizationCallback;
import dev.integrations.core.service.ConnectCommand;
import dev.integrations.core.service.ConnectResult;
import dev.integrations.testing.providers.CatalogStandIn;
import dev.integrations.testing.providers.DropboxStandIn;
import dev.integrations.testing.providers.MicrosoftStandIn;
import dev.integrations.testing.providers.OAuthStandIn;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * The library through its one composition root, with the bundled catalog's Microsoft and Dropbox
 * entries pointed at their stand-ins: users connect through the real consent and token exchange,
 * then act through {@link ActionService}.
 */
final class StandInWiring implements AutoCloseable {
  static final String PUBLIC_URL = "http://127.0.0.1:8000";
  static final URI REDIRECT = URI.create(PUBLIC_URL + "/api/integrations/callback");

  final MicrosoftStandIn microsoft = new MicrosoftStandIn("microsoft-caps", REDIRECT, "common");
  final DropboxStandIn dropbox = new DropboxStandIn("dropbox-caps", REDIRECT);
  final Map<String, String> env;
  final Wiring wiring;

  /** Starts the stand-ins and the wiring, its database and the catalog file in {@code dir}. */
  StandInWiring(Path dir, Map<String, String> extra) {
    env =
        new HashMap<>(
            CatalogStandIn.settings(dir.resolve("providers.yaml"), "", microsoft, dropbox));
    env.put("INTEGRATIONS_DATA_DIR", dir.toString());
    env.put("INTEGRATIONS_DB_URL", "jdbc:h2:file:" + dir.resolve("integrations").toAbsolutePath());
    env.put("INTEGRATIONS_PUBLIC_URL", PUBLIC_URL);
    env.putAll(extra);
    wiring = Wiring.start(Settings.from(ConfigSource.of(env)));
  }

  ActionService actions() {
    return wiring.integrations().actions();
  }

  /**
   * Connects {@code user} to {@code type}: consent at {@code standIn} as {@code user}, then the
   * code exchange.
   */
  UserId connect(String user, String type, OAuthStandIn standIn) {
    UserId id = UserId.of(user);
    ConnectResult.AuthorizationPending pending =
        (ConnectResult.AuthorizationPending)
            wiring
                .integrations()
                .connections()
                .connect(ConnectCommand.oauth(id, IntegrationType.of(type)));
    HttpUrl back = HttpUrl.get(standIn.consent(pending.authorizationUrl(), user));
    wiring
        .integrations()
        .connections()
        .completeAuthorization(
            new AuthorizationCallback(
                back.queryParameter("state"), back.queryParameter("code"), null, id));
    return id;
  }

  @Override
  public void close() {
    wiring.close();
    microsoft.close();
    dropbox.close();
  }
}
