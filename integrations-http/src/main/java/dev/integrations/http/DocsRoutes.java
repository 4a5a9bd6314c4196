package dev.integrations.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * {@code GET /openapi.json}, the API description kept as a resource with the catalog's integration types
 * filled in as the {@code IntegrationType} enum, and {@code GET /docs}, Swagger UI rendering it from the
 * swagger-ui webjar on the classpath (no CDN: servers may have no internet).
 */
final class DocsRoutes {
  static final String SPEC_RESOURCE = "/dev/integrations/http/openapi.json";
  private static final String DOCS_PAGE = "/dev/integrations/http/docs.html";
  private static final String DOCS_SCRIPT = "/dev/integrations/http/docs.js";
  private static final String WEBJAR_PROPERTIES = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";

  /** The Swagger UI files that /docs needs; nothing else of the webjar is served. */
  private static final Map<String, String> ASSETS =
      Map.of(
          "swagger-ui.css", "text/css",
          "swagger-ui-bundle.js", "text/javascript",
          "favicon-32x32.png", "image/png",
          "favicon-16x16.png", "image/png");

  private final byte[] spec;
  private final byte[] page;
  private final byte[] script;
  private final String webjarRoot;

  /** The routes, describing {@code integrationTypes} (the catalog's, in order) as the enum. */
  DocsRoutes(List<String> integrationTypes) {
    this.spec = withIntegrationTypes(resource(SPEC_RESOURCE), integrationTypes);
    this.page = resource(DOCS_PAGE);
    this.script = resource(DOCS_SCRIPT);
    this.webjarRoot = "/META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion() + "/";
  }

  void register(RoutesConfig routes) {
    routes.get("/openapi.json", this::spec);
    routes.get("/docs", this::page);
    routes.get("/docs/{asset}", this::asset);
  }

  void spec(Context ctx) {
    ctx.contentType(ContentType.APPLICATION_JSON).result(spec);
  }

  void page(Context ctx) {
    ctx.contentType(ContentType.TEXT_HTML).result(page);
  }

  void asset(Context ctx) {
    String name = ctx.pathParam("asset");
    if (name.equals("docs.js")) {
      ctx.contentType("text/javascript").result(script);
      return;
    }
    String type = ASSETS.get(name);
    InputStream in = type == null ? null : DocsRoutes.class.getResourceAsStream(webjarRoot + name);
    if (in == null) {
      throw new NotFoundResponse();
    }
    ctx.header("Cache-Control", "public, max-age=86400").contentType(type).result(in);
  }

  /** The OpenAPI description as kept, before the catalog's types are filled in. */
  static byte[] openApi() {
    return resource(SPEC_RESOURCE);
  }

  /** {@code spec} with {@code types} as the enum of {@code components.schemas.IntegrationType}. */
  static byte[] withIntegrationTypes(byte[] spec, List<String> types) {
    ObjectMapper json = new ObjectMapper();
    try {
      ObjectNode root = (ObjectNode) json.readTree(spec);
      ObjectNode type = (ObjectNode) root.path("components").path("schemas").path("IntegrationType");
      ArrayNode values = type.putArray("enum");
      types.forEach(values::add);
      return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    } catch (IOException | ClassCastException e) {
      throw new IllegalStateException("the OpenAPI description has no IntegrationType schema to fill", e);
    }
  }

  private static String swaggerUiVersion() {
    Properties properties = new Properties();
    try (InputStream in = DocsRoutes.class.getResourceAsStream(WEBJAR_PROPERTIES)) {
      if (in == null) {
        throw new IllegalStateException("the swagger-ui webjar is not on the classpath");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version");
  }

  private static byte[] resource(String name) {
    try (InputStream in = DocsRoutes.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
