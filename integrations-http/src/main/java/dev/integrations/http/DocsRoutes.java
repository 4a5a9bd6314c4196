package dev.integrations.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.integrations.core.model.Capability;
import dev.integrations.core.model.Integration;
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
import java.util.Set;

/**
 * {@code GET /openapi.json}, the API description kept as a resource with the catalog's integration
 * types filled in as the {@code IntegrationType} enum and, per capability, the types that offer it
 * as the enums of {@code MailIntegrationType}, {@code FilesIntegrationType}, {@code
 * MessagesIntegrationType} and {@code SendIntegrationType} (messages or mail), which the
 * generalized action routes take; and {@code GET /docs}, Swagger UI rendering it from the
 * swagger-ui webjar on the classpath (no CDN: servers may have no internet).
 */
final class DocsRoutes {
  static final String SPEC_RESOURCE = "/dev/integrations/http/openapi.json";
  private static final String DOCS_PAGE = "/dev/integrations/http/docs.html";
  private static final String DOCS_SCRIPT = "/dev/integrations/http/docs.js";
  private static final String WEBJAR_PROPERTIES =
      "/META-INF/maven/org.webjars/swagger-ui/pom.properties";

  /** The Swagger UI files that /docs needs; nothing else of the webjar is served. */
  private static final Map<String, String> ASSETS =
      Map.of(
          "swagger-ui.css", "text/css",
          "swagger-ui-bundle.js", "text/javascript",
          "favicon-32x32.png", "image/png",
          "favicon-16x16.png", "image/png");

  /** The schemas of the action routes' {@code type}, by the capabilities a type needs one of. */
  static final Map<String, Set<Capability>> CAPABILITY_SCHEMAS =
      Map.of(
          "MailIntegrationType", Set.of(Capability.MAIL),
          "FilesIntegrationType", Set.of(Capability.FILES),
          "MessagesIntegrationType", Set.of(Capability.MESSAGES),
          "SendIntegrationType", Set.of(Capability.MESSAGES, Capability.MAIL));

  private final byte[] spec;
  private final byte[] page;
  private final byte[] script;
  private final String webjarRoot;

  /** The routes, describing {@code catalog}'s types (in order) and what each offers. */
  DocsRoutes(List<Integration> catalog) {
    this.spec = withIntegrationTypes(resource(SPEC_RESOURCE), catalog);
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

  /**
   * {@code spec} with the types of {@code catalog} as the enum of {@code
   * components.schemas.IntegrationType}, and those offering each capability as the enum of its
   * schema. A schema no type qualifies for gets no enum (OpenAPI wants at least one value) and says
   * so.
   */
  static byte[] withIntegrationTypes(byte[] spec, List<Integration> catalog) {
    ObjectMapper json = new ObjectMapper();
    try {
      ObjectNode root = (ObjectNode) json.readTree(spec);
      ObjectNode schemas = (ObjectNode) root.path("components").path("schemas");
      fill(schemas, "IntegrationType", catalog.stream().map(i -> i.type().value()).toList());
      for (Map.Entry<String, Set<Capability>> schema : CAPABILITY_SCHEMAS.entrySet()) {
        fill(
            schemas,
            schema.getKey(),
            catalog.stream()
                .filter(i -> schema.getValue().stream().anyMatch(i::can))
                .map(i -> i.type().value())
                .toList());
      }
      return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    } catch (IOException | ClassCastException e) {
      throw new IllegalStateException(
          "the OpenAPI description has no IntegrationType schema to fill", e);
    }
  }

  private static void fill(ObjectNode schemas, String name, List<String> types) {
    if (!(schemas.get(name) instanceof ObjectNode schema)) {
      throw new IllegalStateException("the OpenAPI description has no " + name + " schema to fill");
    }
    if (types.isEmpty()) {
      schema.remove("enum");
      schema.put(
          "description",
          schema.path("description").asText() + " No integration of this server offers it.");
      return;
    }
    ArrayNode values = schema.putArray("enum");
    types.forEach(values::add);
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
