package dev.integrations.examples;

import dev.integrations.core.error.AuthorizationFailedException;
import dev.integrations.core.model.Connection;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.UserId;
import dev.integrations.core.service.AuthorizationCallback;
import dev.integrations.core.service.ConnectCommand;
import dev.integrations.core.service.ConnectResult;
import dev.integrations.core.service.Integrations;
import java.net.URI;

/**
 * The two routes an application adds to its own web framework to connect Google accounts: one that
 * sends the signed-in user to Google's consent screen, and the callback Google sends the user back
 * to. Each method is what a handler does; the framework's request and response are left out.
 */
public final class OAuthRoutes {
  private final Integrations integrations;

  /** Routes on the assembled library. */
  public OAuthRoutes(Integrations integrations) {
    this.integrations = integrations;
  }

  /**
   * {@code GET /integrations/{type}/connect}: the URL to redirect the signed-in user's browser to.
   *
   * @param user the signed-in user, as the application's session knows them
   * @param type {@code gmail} or {@code google_drive}
   */
  public URI connect(UserId user, IntegrationType type) {
    // tag::connect[]
    ConnectResult result = integrations.connections().connect(ConnectCommand.oauth(user, type));
    ConnectResult.AuthorizationPending pending = (ConnectResult.AuthorizationPending) result;
    return pending.authorizationUrl(); // answer 302 with this Location
    // end::connect[]
  }

  /**
   * {@code GET /integrations/callback?state=…&code=…} (or {@code &error=…}): completes the
   * connection and answers where to send the browser next.
   *
   * @param user the signed-in user; the callback is refused ({@code consent_mismatch}) when the
   *     state was issued to someone else
   */
  public String callback(UserId user, String state, String code, String error) {
    // tag::callback[]
    try {
      Connection connection =
          integrations
              .connections()
              .completeAuthorization(new AuthorizationCallback(state, code, error, user));
      return "/settings/integrations?connected=" + connection.type();
    } catch (AuthorizationFailedException e) {
      // consent_mismatch (someone else's link), invalid_state, access_denied, provider_rejected,
      // or missing_scopes (user unticked a permission)
      return "/settings/integrations?error=" + e.code().wireName();
    }
    // end::callback[]
  }
}
