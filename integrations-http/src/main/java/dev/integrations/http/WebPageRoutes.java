package dev.integrations.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code GET /}, the integrations web page, and {@code GET /web/{asset}}, its script and style
 * sheet: plain files kept as resources, no build step, nothing from a CDN. The page talks to the
 * API with the user's JWT, which it keeps in the browser (see {@code app.js}).
 *
 * <p>The page gets a stricter content security policy than {@link SecurityHeaders}' default (no
 * inline styles either). Its opener policy keeps a reference to the OAuth popup it opens, and the
 * OAuth return leg ({@code /?integration=…&status=…}) opts out of the policy so that the popup,
 * back from the provider's origin, can still reach its opener and close itself.
 */
final class WebPageRoutes {
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
          + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  private static final String ROOT = "/dev/integrations/http/web/";

  /** The files the page needs, by name, with their content types; nothing else is served. */
  private static final Map<String, String> ASSETS =
      Map.of("app.js", "text/javascript", "app.css", "text/css");

  private final byte[] page;
  private final Map<String, byte[]> assets = new HashMap<>();

  WebPageRoutes() {
    this.page = resource("index.html");
    ASSETS.keySet().forEach(name -> assets.put(name, resource(name)));
  }

  void register(RoutesConfig routes) {
    routes.get("/", this::page);
    routes.get("/web/{asset}", this::asset);
    // Registered after SecurityHeaders' after-handler, so these headers win for the page.
    routes.after("/", WebPageRoutes::pageHeaders);
  }

  void page(Context ctx) {
    ctx.header("Cache-Control", "no-cache").contentType(ContentType.TEXT_HTML).result(page);
  }

  void asset(Context ctx) {
    String name = ctx.pathParam("asset");
    byte[] content = assets.get(name);
    if (content == null) {
      throw new NotFoundResponse();
    }
    ctx.header("Cache-Control", "no-cache")
        .contentType(ASSETS.get(name) + "; charset=utf-8")
        .result(content);
  }

  static void pageHeaders(Context ctx) {
    if (ctx.status().getCode() != 200) {
      return;
    }
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    boolean oauthReturn = ctx.queryParam("status") != null;
    ctx.header(
        "Cross-Origin-Opener-Policy", oauthReturn ? "unsafe-none" : "same-origin-allow-popups");
  }

  private static byte[] resource(String name) {
    try (InputStream in = WebPageRoutes.class.getResourceAsStream(ROOT + name)) {
      if (in == null) {
        throw new IllegalStateException(ROOT + name + " is missing from the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
