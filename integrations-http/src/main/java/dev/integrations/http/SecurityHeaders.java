package dev.integrations.http;

import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Headers every answer gets ({@code nosniff}, no framing), and a strict content security policy on
 * the HTML pages: scripts and styles only from this server (Swagger UI needs inline styles), no
 * plugins, no framing, no referrer.
 */
final class SecurityHeaders {
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
          + "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  private SecurityHeaders() {}

  /**
   * An after-handler. No route sets these headers, so they are added without looking for an earlier
   * one (Jetty's set scans every header of the answer: most of this handler's cost under load).
   */
  static void apply(Context ctx) {
    HttpServletResponse response = ctx.res();
    response.addHeader("X-Content-Type-Options", "nosniff");
    response.addHeader("X-Frame-Options", "DENY");
    String type = response.getContentType();
    if (type != null && type.startsWith("text/html")) {
      ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
      ctx.header("Referrer-Policy", "no-referrer");
      ctx.header("Cross-Origin-Opener-Policy", "same-origin");
      ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    }
    if (ctx.path().startsWith("/api/")) {
      response.addHeader("Cache-Control", "no-store");
    }
  }
}
