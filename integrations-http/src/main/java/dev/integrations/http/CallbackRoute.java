package dev.integrations.http;

import dev.integrations.core.error.AuthorizationFailedException;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.IntegrationException;
import dev.integrations.core.model.Connection;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.service.AuthorizationCallback;
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
 * {@code GET /api/integrations/callback}: where the provider sends the browser back. Public, because
 * the state names the user. Always answers 302 to the frontend with {@code integration}, {@code status}
 * and, on failure, {@code error}; an unknown, expired or reused state, or the user's refusal, stores
 * nothing.
 */
final class CallbackRoute {
  static final String PATH = "/api/integrations/callback";
  private static final Logger LOG = LoggerFactory.getLogger(CallbackRoute.class);
  private static final int MAX_PARAM_LENGTH = 4096;

  private final IntegrationService connections;
  private final URI frontend;

  CallbackRoute(IntegrationService connections, URI frontend) {
    this.connections = connections;
    this.frontend = frontend;
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
      redirect(ctx, null, ErrorCode.INVALID_STATE.wireName());
      return;
    }
    try {
      Connection connection = connections.completeAuthorization(AuthorizationCallback.of(state, code, error));
      redirect(ctx, connection.type(), null);
    } catch (AuthorizationFailedException e) {
      redirect(ctx, e.integrationType().orElse(null), e.code().wireName());
    } catch (IntegrationException e) {
      LOG.warn("Completing an authorization failed: {}", e.code());
      redirect(ctx, null, e.code().wireName());
    } catch (RuntimeException e) {
      LOG.error("Completing an authorization failed unexpectedly", e);
      redirect(ctx, null, ErrorCode.INTERNAL_ERROR.wireName());
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

  private void redirect(Context ctx, IntegrationType type, String error) {
    StringBuilder query = new StringBuilder();
    if (type != null) {
      query.append("integration=").append(encode(type.value())).append('&');
    }
    query.append("status=").append(error == null ? "connected" : "error");
    if (error != null) {
      query.append("&error=").append(encode(error));
    }
    String base = frontend.toString();
    String fragment = "";
    int hash = base.indexOf('#');
    if (hash >= 0) {
      fragment = base.substring(hash);
      base = base.substring(0, hash);
    }
    String separator = base.contains("?") ? (base.endsWith("?") || base.endsWith("&") ? "" : "&") : "?";
    ctx.redirect(base + separator + query + fragment, HttpStatus.FOUND);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
