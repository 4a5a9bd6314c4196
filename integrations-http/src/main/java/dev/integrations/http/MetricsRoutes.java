package dev.integrations.http;

import dev.integrations.bootstrap.Metrics;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.time.Duration;

/**
 * {@code GET /metrics} in the Prometheus text format, and the count of every request by its route
 * template (never its raw path, which may hold ids) and status. The route needs no JWT, like {@code
 * /health}: expose it only where a scraper should reach it.
 */
final class MetricsRoutes {
  static final String PATH = "/metrics";

  /** The route label of a request that matched no route. */
  static final String UNMATCHED = "unmatched";

  private final Metrics metrics;

  MetricsRoutes(Metrics metrics) {
    this.metrics = metrics;
  }

  void register(RoutesConfig routes) {
    routes.get(PATH, this::scrape);
  }

  void scrape(Context ctx) {
    ctx.contentType(Metrics.contentType()).result(metrics.scrape());
  }

  /** Counts a finished request (the request logger's hook). */
  void record(Context ctx, Float millis) {
    metrics.httpRequest(
        ctx.method().name(),
        routeOf(ctx),
        ctx.statusCode(),
        Duration.ofNanos((long) (millis * 1_000_000L)));
  }

  private static String routeOf(Context ctx) {
    try {
      Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
      return endpoint == null ? UNMATCHED : endpoint.path;
    } catch (RuntimeException e) {
      return UNMATCHED;
    }
  }
}
