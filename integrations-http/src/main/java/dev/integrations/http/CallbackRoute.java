package dev.integrations.http;

import dev.integrations.core.error.AuthorizationFailedException;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.IntegrationException;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.Secret;
import dev.integrations.core.service.AuthorizationCallback;
import dev.integrations.core.service.AuthorizationOutcome;
import dev.integrations.core.service.IntegrationService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/integrations/callback}: where the provider sends the browser back. Public: the
 * state names the request, and the request's binding names the person. Always answers 302 to the
 * frontend with {@code integration} and {@code status}: {@code connected}; {@code pending} with a
 * one-time {@code handle} for a consent started with {@code "completion": "api"} (nothing is stored
 * until {@code POST /api/integrations/complete}); or {@code error} with {@code error=<code>}, for
 * example {@code consent_mismatch} when the browser does not carry the binding cookie of the
 * browser that started the consent. Every failure stores nothing, and the request is consumed
 * whatever the outcome.
 */
final class CallbackRoute {
  static final String PATH = "/api/integrations/callback";
  private static final Logger LOG = LoggerFactory.getLogger(CallbackRoute.class);
  private static final int MAX_PARAM_LENGTH = 4096;

  private final IntegrationService connections;
  private final URI frontend;
  private final ConsentCookie consentCookie;

  CallbackRoute(IntegrationService connections, URI frontend, ConsentCookie consentCookie) {
    this.connections = connections;
    this.frontend = frontend;
    this.consentCookie = consentCookie;
  }

  void register(RoutesConfig routes) {
    routes.get(PATH, this::complete);
  }

  void complete(Context ctx) {
    // The URL holds a code and a state: keep it out of caches and out of the next page's Referer.
    ctx.header(Header.CACHE_CONTROL, "no-store");
    ctx.header("Referrer-Policy", "no-referrer");
    String state = param(ctx, "state");
    String code = param(ctx, "code");
    String error = param(ctx, "error");
    if (state == null || (code == null && error == null)) {
      redirect(ctx, null, null, ErrorCode.INVALID_STATE.wireName());
      return;
    }
    Secret binding = consentCookie.read(ctx, state);
    if (binding != null) {
      consentCookie.clear(ctx, state); // spent, whatever the outcome: the request is consumed below
    }
    try {
      AuthorizationOutcome outcome =
          connections.receiveAuthorization(
              AuthorizationCallback.fromBrowser(state, code, error, binding));
      if (outcome instanceof AuthorizationOutcome.AwaitingUser awaiting) {
        redirect(ctx, awaiting.type(), awaiting.handle().reveal(), null);
      } else {
        redirect(ctx, ((AuthorizationOutcome.Completed) outcome).connection().type(), null, null);
      }
    } catch (AuthorizationFailedException e) {
      redirect(ctx, e.integrationType().orElse(null), null, e.code().wireName());
    } catch (IntegrationException e) {
      LOG.warn("Completing an authorization failed: {}", e.code());
      redirect(ctx, null, null, e.code().wireName());
    } catch (RuntimeException e) {
      LOG.error("Completing an authorization failed unexpectedly", e);
      redirect(ctx, null, null, ErrorCode.INTERNAL_ERROR.wireName());
    }
  }

  private static String param(Context ctx, String name) {
    List<String> values = ctx.queryParams(name);
    if (values.size() != 1) {
      return null;
    }
    String value = values.get(0);
    return value.isEmpty() || value.length() > MAX_PARAM_LENGTH ? null : value;
  }

  /**
   * To the frontend: {@code status=error} with {@code error}, else {@code pending} with {@code
   * handle}, else connected.
   */
  private void redirect(Context ctx, IntegrationType type, String handle, String error) {
    StringBuilder query = new StringBuilder();
    if (type != null) {
      query.append("integration=").append(encode(type.value())).append('&');
    }
    if (error != null) {
      query.append("status=error&error=").append(encode(error));
    } else if (handle != null) {
      query.append("status=pending&handle=").append(encode(handle));
    } else {
      query.append("status=connected");
    }
    String base = frontend.toString();
    String fragment = "";
    int hash = base.indexOf('#');
    if (hash >= 0) {
      fragment = base.substring(hash);
      base = base.substring(0, hash);
    }
    String separator =
        base.contains("?") ? (base.endsWith("?") || base.endsWith("&") ? "" : "&") : "?";
    ctx.redirect(base + separator + query + fragment, HttpStatus.FOUND);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
