package dev.integrations.http;

import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs one line per request: method, path, status and duration. Never the query string (the OAuth
 * callback's holds a code and a state), never a header (Authorization), never a body (bot tokens).
 */
final class RequestLog {
  private static final Logger LOG = LoggerFactory.getLogger("dev.integrations.http.requests");

  private RequestLog() {}

  static void log(Context ctx, Float millis) {
    if (LOG.isInfoEnabled()) {
      LOG.info("{} {} -> {} ({} ms)", ctx.method(), ctx.path(), ctx.statusCode(), tenths(millis));
    }
  }

  /**
   * {@code millis} with one decimal, like {@code %.1f} without the cost of a Formatter per request.
   */
  static String tenths(float millis) {
    long tenths = Math.round(millis * 10.0);
    return (tenths / 10) + "." + (tenths % 10);
  }
}
