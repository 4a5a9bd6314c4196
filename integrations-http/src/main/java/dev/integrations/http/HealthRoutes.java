package dev.integrations.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** {@code GET /health} (the process answers) and {@code GET /ready} (and its database does too). */
final class HealthRoutes {
  private final BooleanSupplier databaseReady;

  HealthRoutes(BooleanSupplier databaseReady) {
    this.databaseReady = databaseReady;
  }

  void register(RoutesConfig routes) {
    routes.get("/health", this::health);
    routes.get("/ready", this::ready);
  }

  void health(Context ctx) {
    ctx.json(Map.of("status", "ok"));
  }

  void ready(Context ctx) {
    boolean database = isDatabaseReady();
    ctx.status(database ? 200 : 503)
        .json(
            Map.of(
                "status",
                database ? "ready" : "unavailable",
                "database",
                database ? "up" : "down"));
  }

  private boolean isDatabaseReady() {
    try {
      return databaseReady.getAsBoolean();
    } catch (RuntimeException e) {
      return false;
    }
  }
}
