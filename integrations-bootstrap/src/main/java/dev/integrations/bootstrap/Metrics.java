package dev.integrations.bootstrap;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.port.Telemetry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import javax.sql.DataSource;

/**
 * The server's metrics in one Micrometer registry, scraped as Prometheus text at {@code GET
 * /metrics}. Labels are bounded: route templates (never raw paths), methods, statuses, integration
 * types, actions, outcomes and error codes; never a user id, a token or a URL. Names (Prometheus
 * form):
 *
 * <ul>
 *   <li>{@code http_server_requests_seconds} (histogram; method, route, status)
 *   <li>{@code integrations_provider_calls_seconds} (histogram; provider, action, outcome)
 *   <li>{@code integrations_refreshes_total} (provider, outcome: ok, failed, lease_lost)
 *   <li>{@code integrations_webhook_deliveries_total} (outcome: delivered, retry, failed, disabled)
 *       and {@code integrations_webhook_backlog} (pending deliveries)
 *   <li>{@code integrations_connections} (status; a supplier the health model can replace)
 *   <li>{@code hikaricp_connections_active|idle|pending|total|max} (pool)
 *   <li>{@code jvm_*}, {@code process_*}, {@code system_*} (Micrometer's JVM binders)
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class Metrics implements Telemetry {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final AtomicReference<Supplier<Map<String, ? extends Number>>> connections =
      new AtomicReference<>(Map::of);

  /**
   * Each request's timer by its labels, found with one hash lookup instead of building its tags and
   * id on every request (a few percent of a request's CPU under load). Bounded like the labels.
   */
  private final Map<HttpTimer, Timer> httpTimers = new ConcurrentHashMap<>();

  /** A timer's labels; equals and hash written out, the request path's cheapest comparison. */
  private record HttpTimer(String method, String route, int status) {
    @Override
    public boolean equals(Object other) {
      return other instanceof HttpTimer that
          && status == that.status
          && route.equals(that.route)
          && method.equals(that.method);
    }

    @Override
    public int hashCode() {
      return (31 * route.hashCode() + method.hashCode()) * 31 + status;
    }
  }

  Metrics() {
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /** Every metric, in the Prometheus text format (version 0.0.4). */
  public String scrape() {
    return registry.scrape();
  }

  /** The content type of {@link #scrape()}. */
  public static String contentType() {
    return "text/plain; version=0.0.4; charset=utf-8";
  }

  /**
   * Counts one HTTP request. {@code route} must be the matched route's template (such as {@code
   * /api/integrations/{type}/usage}), or a fixed word for no match; never the raw path.
   */
  public void httpRequest(String method, String route, int status, Duration took) {
    httpTimers
        .computeIfAbsent(
            new HttpTimer(method, route, status),
            key ->
                Timer.builder("http.server.requests")
                    .description("HTTP requests by route template and status")
                    .tags("method", method, "route", route, "status", Integer.toString(status))
                    .publishPercentileHistogram()
                    .register(registry))
        .record(took);
  }

  @Override
  public void providerCall(IntegrationType type, String action, String outcome, Duration took) {
    Timer.builder("integrations.provider.calls")
        .description("Actions through connections, by provider, action and outcome")
        .tags("provider", type.value(), "action", action, "outcome", outcome)
        .publishPercentileHistogram()
        .register(registry)
        .record(took);
  }

  @Override
  public void refresh(IntegrationType type, RefreshOutcome outcome) {
    Counter.builder("integrations.refreshes")
        .description("Refreshes of grants at their providers")
        .tags("provider", type.value(), "outcome", outcome.name().toLowerCase(Locale.ROOT))
        .register(registry)
        .increment();
  }

  /** Counts one webhook delivery attempt that ended with {@code outcome}. */
  void webhookAttempt(String outcome) {
    Counter.builder("integrations.webhook.deliveries")
        .description("Webhook delivery attempts by outcome")
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  /** Reports the webhook backlog (pending deliveries) from {@code pending}, read at each scrape. */
  void webhookBacklog(LongSupplier pending) {
    gauge(
        "integrations.webhook.backlog",
        "Webhook deliveries waiting to be delivered",
        pending,
        Map.of());
  }

  /**
   * Where {@code integrations_connections} comes from: a count of connections per label value
   * (status, or the health state once a health model feeds it), read at each scrape. The labels it
   * reports must be among {@code labels}.
   */
  public void connectionsBy(Supplier<Map<String, ? extends Number>> counts, String... labels) {
    connections.set(counts);
    for (String label : labels) {
      Gauge.builder(
              "integrations.connections",
              connections,
              c ->
                  value(
                      () -> {
                        Number n = c.get().get().get(label);
                        return n == null ? 0 : n.doubleValue();
                      }))
          .description("Connections by status")
          .tag("status", label)
          .register(registry);
    }
  }

  /**
   * Reports {@code integrations_connections_health}: how many connections are in each health state
   * ({@code healthy}, {@code degraded}, {@code reauthorization_required}), counted by {@code
   * counts} at each scrape.
   */
  void connectionsByHealth(Supplier<Map<String, ? extends Number>> counts) {
    for (String state : List.of("healthy", "degraded", "reauthorization_required")) {
      Gauge.builder(
              "integrations.connections.health",
              counts,
              c ->
                  value(
                      () -> {
                        Number n = c.get().get(state);
                        return n == null ? 0 : n.doubleValue();
                      }))
          .description("Connections by health")
          .tag("health", state)
          // counts is often a method reference held by nothing else: weakly held, it reads NaN
          // after a GC
          .strongReference(true)
          .register(registry);
    }
  }

  /** Reports the connection pool behind {@code dataSource} when it is HikariCP's. */
  void pool(DataSource dataSource) {
    if (!(dataSource instanceof HikariDataSource hikari)) {
      return;
    }
    Map<String, String> tags = Map.of("pool", hikari.getPoolName());
    poolGauge(hikari, "hikaricp.connections.active", HikariPoolMXBean::getActiveConnections, tags);
    poolGauge(hikari, "hikaricp.connections.idle", HikariPoolMXBean::getIdleConnections, tags);
    poolGauge(
        hikari,
        "hikaricp.connections.pending",
        HikariPoolMXBean::getThreadsAwaitingConnection,
        tags);
    poolGauge(hikari, "hikaricp.connections.total", HikariPoolMXBean::getTotalConnections, tags);
    gauge(
        "hikaricp.connections.max",
        "Most connections in the pool",
        hikari::getMaximumPoolSize,
        tags);
  }

  private void poolGauge(
      HikariDataSource hikari,
      String name,
      ToDoubleFunction<HikariPoolMXBean> read,
      Map<String, String> tags) {
    gauge(
        name,
        "Connection pool use",
        () -> {
          HikariPoolMXBean pool = hikari.getHikariPoolMXBean();
          return pool == null ? 0 : (long) read.applyAsDouble(pool);
        },
        tags);
  }

  private void gauge(
      String name, String description, LongSupplier value, Map<String, String> tags) {
    Gauge.Builder<LongSupplier> builder =
        Gauge.builder(name, value, v -> value(() -> v.getAsLong()))
            .description(description)
            .strongReference(true);
    tags.forEach(builder::tag);
    builder.register(registry);
  }

  /**
   * A gauge's value; NaN when it cannot be read now (the database is down), instead of failing the
   * scrape.
   */
  private static double value(java.util.function.DoubleSupplier read) {
    try {
      return read.getAsDouble();
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }
}
