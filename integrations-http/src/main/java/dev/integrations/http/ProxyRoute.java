package dev.integrations.http;

import dev.integrations.core.error.InvalidRequestException;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.ProxyRequest;
import dev.integrations.core.model.ProxyResponse;
import dev.integrations.core.model.UserId;
import dev.integrations.core.service.ActionService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code ANY /api/integrations/{type}/proxy/{path}}: the provider's own API at its catalog {@code
 * base_url} + path (and query), with the user's fresh credentials. The caller's {@code
 * Authorization}, cookies and hop-by-hop headers stay here; the body is bounded by the server's
 * request size; the provider's status, body and selected headers (media type, paging, rate limits)
 * come back as they are.
 */
final class ProxyRoute {
  static final String PATH = "/api/integrations/{type}/proxy/<path>";
  private static final String MARKER = "/proxy/";

  /** Headers of ours, or of the caller's browser, that a provider has no use for. */
  private static final Set<String> NOT_PASSED_ON =
      Set.of("accept-encoding", "content-type", "expect", "user-agent");

  private final ActionService actions;

  ProxyRoute(ActionService actions) {
    this.actions = actions;
  }

  void register(RoutesConfig routes) {
    routes.get(PATH, this::proxy);
    routes.head(PATH, this::proxy);
    routes.post(PATH, this::proxy);
    routes.put(PATH, this::proxy);
    routes.patch(PATH, this::proxy);
    routes.delete(PATH, this::proxy);
  }

  void proxy(Context ctx) {
    UserId user = JwtAuthenticator.user(ctx);
    IntegrationType type = Params.integrationType(ctx.pathParam("type"));
    String method = ctx.method().name();
    byte[] body = ctx.bodyAsBytes(); // bounded: larger than the server's request size is a 413
    if (body.length > 0 && (method.equals("GET") || method.equals("HEAD"))) {
      throw new InvalidRequestException(method + " requests carry no body.");
    }
    ProxyRequest request =
        new ProxyRequest(
            method,
            providerPath(ctx),
            headers(ctx),
            body,
            body.length == 0 ? null : ctx.contentType());
    ProxyResponse response = actions.proxy(user, type, request);
    ctx.status(response.status());
    response
        .headers()
        .forEach(
            (name, values) -> {
              if (name.equalsIgnoreCase("Content-Type")) {
                ctx.contentType(values.get(0));
              } else {
                values.forEach(value -> ctx.res().addHeader(name, value));
              }
            });
    ctx.result(response.body());
  }

  /** The path below {@code /proxy}, still percent-encoded as the caller sent it, with the query. */
  private static String providerPath(Context ctx) {
    String uri = ctx.req().getRequestURI();
    String path = uri.substring(uri.indexOf(MARKER) + MARKER.length() - 1);
    String query = ctx.queryString();
    return query == null || query.isEmpty() ? path : path + "?" + query;
  }

  private static Map<String, List<String>> headers(Context ctx) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : java.util.Collections.list(ctx.req().getHeaderNames())) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (!NOT_PASSED_ON.contains(lower)
          && !lower.startsWith("sec-")
          && !lower.startsWith("access-control-")) {
        headers.put(name, java.util.Collections.list(ctx.req().getHeaders(name)));
      }
    }
    return headers;
  }
}
