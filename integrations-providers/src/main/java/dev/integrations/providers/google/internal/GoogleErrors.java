package dev.integrations.providers.google.internal;

import com.google.api.client.http.HttpResponseException;
import dev.integrations.core.error.CredentialsRejectedException;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.IntegrationException;
import dev.integrations.core.error.InvalidRequestException;
import dev.integrations.core.error.ProviderException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;

/**
 * Translates what the Google client libraries throw into the core's exception hierarchy, keeping
 * Google's own message (never a request's headers or body, which is where tokens travel).
 */
public final class GoogleErrors {
  private GoogleErrors() {}

  /** The exception to throw for {@code failure} of a call to {@code service}. */
  public static RuntimeException translate(String service, Throwable failure) {
    if (failure instanceof IntegrationException e) {
      return e;
    }
    if (failure instanceof UploadSourceException unreadable) {
      return new InvalidRequestException(unreadable.getMessage());
    }
    if (failure instanceof HttpResponseException answer) {
      return translateAnswer(service, answer);
    }
    if (failure instanceof IOException io) {
      return translateIo(service, io);
    }
    if (failure instanceof RuntimeException e) {
      return e;
    }
    return new ProviderException(ErrorCode.PROVIDER_ERROR, service + " call failed.", failure);
  }

  private static RuntimeException translateAnswer(String service, HttpResponseException answer) {
    int status = answer.getStatusCode();
    String said = GoogleAnswers.describe(answer);
    if (status == 401) {
      return new CredentialsRejectedException(
          service + " refused the credentials: " + said, answer);
    }
    if (status == 429 || GoogleAnswers.isRateLimit(answer)) {
      return new ProviderException(
          ErrorCode.RATE_LIMITED,
          service + " is rate limiting requests: " + said,
          GoogleAnswers.retryAfter(answer),
          answer);
    }
    if (status == 503) {
      return new ProviderException(
          ErrorCode.PROVIDER_UNAVAILABLE,
          service + " is unavailable: " + said,
          GoogleAnswers.retryAfter(answer),
          answer);
    }
    if (status >= 500) {
      return new ProviderException(ErrorCode.PROVIDER_ERROR, service + " failed: " + said, answer);
    }
    return new ProviderException(
        ErrorCode.PROVIDER_REJECTED, service + " refused the request: " + said, answer);
  }

  private static RuntimeException translateIo(String service, IOException failure) {
    IOException cause =
        failure instanceof RequestNotSentException && failure.getCause() instanceof IOException c
            ? c
            : failure;
    if (cause instanceof SocketTimeoutException
        || (cause instanceof InterruptedIOException && "timeout".equals(cause.getMessage()))) {
      return new ProviderException(
          ErrorCode.PROVIDER_TIMEOUT, service + " did not answer in time.", failure);
    }
    return new ProviderException(
        ErrorCode.PROVIDER_UNAVAILABLE,
        service + " could not be reached (" + cause.getClass().getSimpleName() + ").",
        failure);
  }
}
