package dev.integrations.http;

import dev.integrations.bootstrap.presentation.ErrorBody;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.IntegrationException;
import dev.integrations.core.error.ProviderException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import java.time.Duration;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP answers: a status from the {@link ErrorCode} and a body
 * {@code {"detail", "code"}}. Anything that is not an {@link IntegrationException} or an HTTP-level
 * refusal is a bug and answers 500 {@code internal_error}, logged with its stack trace.
 */
final class ErrorMapper {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

  private ErrorMapper() {}

  static void register(RoutesConfig routes) {
    routes.exception(IntegrationException.class, ErrorMapper::integrationFailure);
    routes.exception(HttpResponseException.class, ErrorMapper::httpFailure);
    routes.exception(Exception.class, ErrorMapper::unexpected);
  }

  /**
   * The status of each code. A provider refusing the request itself (a bad chat id, a bad query) is
   * the caller's fault, so {@code provider_rejected} is a 400, not a 502.
   */
  static int status(ErrorCode code) {
    return switch (code) {
      case INVALID_REQUEST,
          INVALID_INTEGRATION_TYPE,
          BOT_TOKEN_REQUIRED,
          INVALID_CREDENTIALS,
          UNSUPPORTED_OPERATION,
          UNSUPPORTED_CAPABILITY,
          INVALID_STATE,
          ACCESS_DENIED,
          PROVIDER_REJECTED ->
          400;
      case UNAUTHORIZED -> 401;
      case CONSENT_MISMATCH, INSUFFICIENT_SCOPE -> 403;
      case NOT_CONNECTED -> 404;
      case REAUTHORIZATION_REQUIRED,
          MISSING_SCOPES,
          CREDENTIALS_REJECTED,
          CONCURRENT_UPDATE,
          IDEMPOTENCY_CONFLICT ->
          409;
      case PAYLOAD_TOO_LARGE -> 413;
      case RATE_LIMITED -> 429;
      case PROVIDER_ERROR -> 502;
      case PROVIDER_UNAVAILABLE, NOT_CONFIGURED, STORAGE_UNAVAILABLE -> 503;
      case PROVIDER_TIMEOUT -> 504;
      case STORAGE_FAILURE, INTERNAL_ERROR -> 500;
    };
  }

  static void integrationFailure(IntegrationException e, Context ctx) {
    int status = status(e.code());
    if (status >= 500 && e.code() != ErrorCode.NOT_CONFIGURED) {
      LOG.warn("{} {} failed: {}", ctx.method(), ctx.path(), e.code(), e);
    }
    if (e instanceof ProviderException provider) {
      provider
          .retryAfter()
          .ifPresent(wait -> ctx.header(Header.RETRY_AFTER, retryAfterSeconds(wait)));
    }
    if (e.code() == ErrorCode.UNAUTHORIZED) {
      ctx.header(Header.WWW_AUTHENTICATE, "Bearer");
    }
    answer(ctx, status, e.getMessage(), e.code().wireName());
  }

  private static void httpFailure(HttpResponseException e, Context ctx) {
    answer(
        ctx, e.getStatus(), sentence(e.getStatus(), e.getMessage(), ctx), httpCode(e.getStatus()));
  }

  private static void unexpected(Exception e, Context ctx) {
    HttpException refusal = clientRefusal(e);
    if (refusal != null) {
      answer(
          ctx,
          refusal.getCode(),
          sentence(refusal.getCode(), null, ctx),
          httpCode(refusal.getCode()));
      return;
    }
    LOG.error("{} {} failed unexpectedly", ctx.method(), ctx.path(), e);
    answer(
        ctx,
        500,
        "Something went wrong on our side; it has been logged.",
        ErrorCode.INTERNAL_ERROR.wireName());
  }

  /**
   * Jetty refuses malformed requests (bad percent-encoding, bad multipart) with a 4xx of its own.
   */
  private static HttpException clientRefusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
        return http;
      }
    }
    return null;
  }

  static void answer(Context ctx, int status, String detail, String code) {
    if (status == 413) {
      ctx.header("Connection", "close"); // the rest of the body is not read
    }
    ctx.status(status).json(new ErrorBody(detail, code));
  }

  private static String sentence(int status, String message, Context ctx) {
    return switch (status) {
      case 400 ->
          message != null && !message.isBlank() && !message.equals("Bad Request")
              ? message
              : "The request is malformed.";
      case 404 -> "No route " + ctx.method() + " " + ctx.path() + ".";
      case 405 -> "Method " + ctx.method() + " is not allowed on " + ctx.path() + ".";
      case 413 -> "The request body is larger than this server accepts.";
      case 415 -> "This content type is not accepted here.";
      default -> message != null && !message.isBlank() ? message : "The request was refused.";
    };
  }

  static String httpCode(int status) {
    return switch (status) {
      case 401 -> ErrorCode.UNAUTHORIZED.wireName();
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 413 -> ErrorCode.PAYLOAD_TOO_LARGE.wireName();
      case 415 -> "unsupported_media_type";
      default ->
          status >= 500
              ? ErrorCode.INTERNAL_ERROR.wireName()
              : ErrorCode.INVALID_REQUEST.wireName();
    };
  }

  private static String retryAfterSeconds(Duration wait) {
    return Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000));
  }
}
