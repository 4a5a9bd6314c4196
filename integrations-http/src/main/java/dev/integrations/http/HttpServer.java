package dev.integrations.http;

import dev.integrations.bootstrap.AccessTokens;
import dev.integrations.bootstrap.Settings;
import dev.integrations.bootstrap.Wiring;
import dev.integrations.bootstrap.presentation.JsonMapping;
import dev.integrations.core.service.Integrations;
import dev.integrations.mcp.McpEndpoint;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson;
import jakarta.servlet.DispatcherType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Integrations HTTP server: the {@code /api/integrations} routes with JWT authentication, the
 * OAuth callback, health and readiness, metrics, the OpenAPI description and its Swagger UI, and
 * the MCP server at {@code /mcp} ({@link McpEndpoint}). Starting it also starts the wiring's
 * background work (the connection maintenance, webhook deliveries).
 *
 * <p>{@link #start(Wiring)} listens on the configured host and port (port 0 picks a free one);
 * {@link #stop()} stops accepting connections and lets requests in flight finish (up to {@link
 * #STOP_TIMEOUT}). While it runs, so does the background maintenance of connections ({@link
 * Wiring#startMaintenance()}). The server does not close the {@link Wiring}: whoever started it
 * does.
 *
 * <p>Thread-safe.
 */
public final class HttpServer implements AutoCloseable {
  /** How long {@link #stop()} waits for requests in flight. */
  public static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  /**
   * The most request threads, unless the system property {@value #MAX_THREADS_PROPERTY} says
   * otherwise (INTEGRATIONS_JAVA_OPTS=-Dintegrations.http.maxThreads=200): enough for many slow
   * provider calls at once, few enough that a small machine is not time-sliced between hundreds of
   * runnable threads.
   */
  public static final int DEFAULT_MAX_THREADS = 64;

  static final String MAX_THREADS_PROPERTY = "integrations.http.maxThreads";
  private static final int RESPONSE_BUFFER_BYTES = 8 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

  private final Javalin app;
  private final String host;
  private final Path spool;
  private final List<Route> routes;
  private final AutoCloseable maintenance;
  private final McpEndpoint mcp;

  private HttpServer(
      Javalin app,
      String host,
      Path spool,
      List<Route> routes,
      AutoCloseable maintenance,
      McpEndpoint mcp) {
    this.app = app;
    this.host = host;
    this.spool = spool;
    this.routes = routes;
    this.maintenance = maintenance;
    this.mcp = mcp;
  }

  /** A registered route, for the OpenAPI test. */
  record Route(String method, String path) {}

  /**
   * Starts a server for {@code wiring} on {@code wiring.settings().host()} and {@code port()}.
   *
   * @throws IllegalStateException when the port cannot be bound
   */
  public static HttpServer start(Wiring wiring) {
    Objects.requireNonNull(wiring, "wiring");
    Settings settings = wiring.settings();
    Path spool = spoolDirectory();
    List<Route> routes = new CopyOnWriteArrayList<>();
    McpEndpoint mcp = McpEndpoint.create(wiring);
    Javalin app =
        Javalin.create(
            config -> {
              configure(config, wiring, spool, routes);
              mount(config, mcp);
            });
    try {
      app.start(settings.host(), settings.port());
    } catch (RuntimeException e) {
      app.stop();
      mcp.close();
      deleteQuietly(spool);
      throw e;
    }
    HttpServer server =
        new HttpServer(
            app, settings.host(), spool, List.copyOf(routes), wiring.startMaintenance(), mcp);
    wiring.startBackgroundWork();
    LOG.info(
        "Integrations server listening on {} (API docs at {}docs)", server.url(), server.url());
    return server;
  }

  private static void configure(
      JavalinConfig config, Wiring wiring, Path spool, List<Route> routes) {
    Settings settings = wiring.settings();
    Integrations integrations = wiring.integrations();
    JsonMapping json = new JsonMapping();
    AccessTokens tokens = AccessTokens.of(wiring);
    JwtAuthenticator authenticator = new JwtAuthenticator(tokens);
    UploadRoute upload = new UploadRoute(integrations.actions(), settings.maxUploadBytes());

    config.startup.showJavalinBanner = false;
    config.startup.showOldJavalinVersionWarning = false;
    config.jsonMapper(new JavalinJackson(json.mapper(), false));
    config.http.maxRequestSize = settings.maxRequestBytes();
    // Javalin copies every answer through a buffer of this size, allocated per response: its
    // default,
    // 32 KiB, was most of the server's garbage for answers of about 1 KiB (JFR allocation profile).
    config.http.responseBufferSize = RESPONSE_BUFFER_BYTES;
    config.jetty.threadPool = threadPool();
    upload.configure(config.jetty.multipartConfig, spool);
    config.jetty.modifyServer(
        server -> {
          server.setStopTimeout(STOP_TIMEOUT.toMillis());
          // Waits for requests in flight; idle keep-alive connections close after Jetty's shutdown
          // idle
          // timeout (1 s), which also cuts off a client that stalls for that long mid-request.
          server.insertHandler(new GracefulHandler());
        });
    config.bundledPlugins.enableCors(
        cors ->
            cors.addRule(
                rule -> {
                  rule.allowHost(origin(settings.frontendUrl()));
                  // A frontend on its own origin calls /connect with fetch(..., {credentials:
                  // "include"}) so that its
                  // browser keeps the consent binding cookie. No route authenticates by cookie (the
                  // API takes only
                  // the Bearer JWT), so credentialed requests from this one trusted origin open no
                  // CSRF.
                  rule.allowCredentials = true;
                  rule.exposeHeader("Retry-After");
                  rule.exposeHeader(ActionRoutes.NEXT_PAGE_HEADER);
                }));
    MetricsRoutes metrics = new MetricsRoutes(wiring.metrics());
    config.requestLogger.http(
        (ctx, millis) -> {
          RequestLog.log(ctx, millis);
          metrics.record(ctx, millis);
        });
    config.events.handlerAdded(
        added -> {
          if (added.getHttpMethod().isHttpMethod()
              && added.getHttpMethod() != HandlerType.OPTIONS) {
            // Javalin's <path> (slashes allowed) is OpenAPI's {path}.
            String path = added.getPath().replace("<", "{").replace(">", "}");
            routes.add(
                new Route(added.getHttpMethod().name().toLowerCase(java.util.Locale.ROOT), path));
          }
        });

    config.routes.beforeMatched(
        "/api/*",
        ctx -> {
          if (!ctx.path().equals(CallbackRoute.PATH)) {
            authenticator.authenticate(ctx);
          }
        });
    config.routes.after(SecurityHeaders::apply);
    ErrorMapper.register(config.routes);

    ConsentCookie consentCookie = new ConsentCookie(settings.redirectUri());
    new IntegrationRoutes(integrations.connections(), json, consentCookie).register(config.routes);
    new CallbackRoute(integrations.connections(), settings.frontendUrl(), consentCookie)
        .register(config.routes);
    new ActionRoutes(integrations.actions(), json, upload).register(config.routes);
    new ProxyRoute(integrations.actions()).register(config.routes);
    new HealthRoutes(wiring::databaseReady).register(config.routes);
    metrics.register(config.routes);
    new DocsRoutes(integrations.connections().catalog()).register(config.routes);
    new WebPageRoutes().register(config.routes);
  }

  /**
   * The MCP server beside Javalin's servlet, on exact paths (which win over Javalin's {@code /*},
   * so the page never answers them): {@code /mcp} behind its guard, and its protected-resource
   * metadata.
   */
  private static void mount(JavalinConfig config, McpEndpoint mcp) {
    config.jetty.modifyServletContextHandler(
        handler -> {
          handler.addFilter(
              new FilterHolder(mcp.guard()), McpEndpoint.PATH, EnumSet.of(DispatcherType.REQUEST));
          handler.addServlet(new ServletHolder(mcp.transport()), McpEndpoint.PATH);
          handler.addServlet(new ServletHolder(mcp.metadata()), McpEndpoint.METADATA_PATH);
          handler.addServlet(new ServletHolder(mcp.metadata()), McpEndpoint.METADATA_ROOT_PATH);
        });
  }

  private static QueuedThreadPool threadPool() {
    int max = Math.max(8, Integer.getInteger(MAX_THREADS_PROPERTY, DEFAULT_MAX_THREADS));
    QueuedThreadPool pool = new QueuedThreadPool(max, Math.min(8, max), 60_000);
    pool.setName("integrations-http");
    return pool;
  }

  /** The port the server listens on (the one picked when configured with 0). */
  public int port() {
    return app.port();
  }

  /** The server's base URL, ending in {@code /}, for example {@code http://127.0.0.1:8000/}. */
  public URI url() {
    String printable = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return URI.create("http://" + printable + ":" + port() + "/");
  }

  /**
   * Stops accepting connections, waits for requests in flight (up to {@link #STOP_TIMEOUT}), stops.
   */
  public void stop() {
    closeQuietly(maintenance);
    app.stop();
    mcp.close();
    deleteQuietly(spool);
    LOG.info("Integrations server stopped");
  }

  @Override
  public void close() {
    stop();
  }

  List<Route> routes() {
    return routes;
  }

  private static String origin(URI url) {
    return url.getScheme()
        + "://"
        + url.getHost()
        + (url.getPort() >= 0 ? ":" + url.getPort() : "");
  }

  private static Path spoolDirectory() {
    try {
      return Files.createTempDirectory("integrations-uploads-");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a directory for uploads in progress", e);
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      LOG.warn("Could not stop the connection maintenance", e);
    }
  }

  private static void deleteQuietly(Path directory) {
    try (var files = Files.list(directory)) {
      files.forEach(file -> file.toFile().delete());
      Files.deleteIfExists(directory);
    } catch (IOException e) {
      LOG.debug("Could not delete {}", directory, e);
    }
  }
}
