package dev.integrations.http;

import io.javalin.http.Context;

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

  /** An after-handler. */
  static void apply(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    String type = ctx.res().getContentType();
    if (type != null && type.startsWith("text/html")) {
      ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
      ctx.header("Referrer-Policy", "no-referrer");
      ctx.header("Cross-Origin-Opener-Policy", "same-origin");
      ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    }
    if (ctx.path().startsWith("/api/")) {
      ctx.header("Cache-Control", "no-store");
    }
  }
}
