package dev.integrations.providers.google.internal;

import com.google.api.client.auth.oauth2.TokenErrorResponse;
import com.google.api.client.auth.oauth2.TokenResponseException;
import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpResponseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.integrations.core.error.CredentialsRejectedException;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.IntegrationException;
import dev.integrations.core.error.InvalidGrantException;
import dev.integrations.core.error.InvalidRequestException;
import dev.integrations.core.error.ProviderException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/**
 * Translates what the Google client libraries throw into the core's exception hierarchy, keeping
 * Google's own message (never a request's headers or body, which is where tokens travel).
 */
public final class GoogleErrors {
  private static final Set<String> RATE_LIMIT_REASONS =
      Set.of("rateLimitExceeded", "userRateLimitExceeded", "RATE_LIMIT_EXCEEDED");
  private static final int MAX_MESSAGE = 300;
  private static final ObjectMapper JSON = new ObjectMapper();

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
    String said = describe(answer);
    if (answer instanceof TokenResponseException token) {
      return translateTokenAnswer(service, token, said);
    }
    if (status == 401) {
      return new CredentialsRejectedException(service + " refused the credentials: " + said, answer);
    }
    if (status == 429 || isRateLimit(answer)) {
      return new ProviderException(
          ErrorCode.RATE_LIMITED,
          service + " is rate limiting requests: " + said,
          retryAfter(answer),
          answer);
    }
    if (status == 503) {
      return new ProviderException(
          ErrorCode.PROVIDER_UNAVAILABLE, service + " is unavailable: " + said, retryAfter(answer), answer);
    }
    if (status >= 500) {
      return new ProviderException(ErrorCode.PROVIDER_ERROR, service + " failed: " + said, answer);
    }
    return new ProviderException(ErrorCode.PROVIDER_REJECTED, service + " refused the request: " + said, answer);
  }

  private static RuntimeException translateTokenAnswer(
      String service, TokenResponseException answer, String said) {
    if (answer.getDetails() != null && "invalid_grant".equals(answer.getDetails().getError())) {
      return new InvalidGrantException(service + " refused the grant: " + said);
    }
    if (isTransient(answer)) {
      ErrorCode code = answer.getStatusCode() == 429 ? ErrorCode.RATE_LIMITED
          : answer.getStatusCode() == 503 ? ErrorCode.PROVIDER_UNAVAILABLE : ErrorCode.PROVIDER_ERROR;
      return new ProviderException(code, service + " failed: " + said, retryAfter(answer), answer);
    }
    // A 401 here is about our client (invalid_client), not the user's credentials.
    return new ProviderException(ErrorCode.PROVIDER_REJECTED, service + " refused the request: " + said, answer);
  }

  private static RuntimeException translateIo(String service, IOException failure) {
    IOException cause =
        failure instanceof RequestNotSentException && failure.getCause() instanceof IOException c ? c : failure;
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

  /** Whether the answer is worth retrying: 429, 5xx, or Google's 403 for rate limits. */
  static boolean isTransient(HttpResponseException answer) {
    int status = answer.getStatusCode();
    return status == 429 || status >= 500 || isRateLimit(answer);
  }

  private static boolean isRateLimit(HttpResponseException answer) {
    if (answer.getStatusCode() != 403 || !(answer instanceof GoogleJsonResponseException json)) {
      return false;
    }
    GoogleJsonError details = json.getDetails();
    if (details == null) {
      return false;
    }
    if (details.getErrors() != null
        && details.getErrors().stream().anyMatch(e -> RATE_LIMIT_REASONS.contains(e.getReason()))) {
      return true;
    }
    return details.getDetails() != null
        && details.getDetails().stream().anyMatch(d -> RATE_LIMIT_REASONS.contains(d.getReason()));
  }

  /** How long Google asked to wait ({@code Retry-After} in seconds or as a date), or null. */
  static Duration retryAfter(Throwable failure) {
    if (!(failure instanceof HttpResponseException answer) || answer.getHeaders() == null) {
      return null;
    }
    String value = answer.getHeaders().getFirstHeaderStringValue("Retry-After");
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(Instant.now(), at);
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (RuntimeException notADate) {
        return null;
      }
    }
  }

  /** Google's description of an error answer, shortened, on one line. */
  public static String describe(HttpResponseException answer) {
    String said = null;
    if (answer instanceof GoogleJsonResponseException json && json.getDetails() != null) {
      said = json.getDetails().getMessage();
    } else if (answer instanceof TokenResponseException token && token.getDetails() != null) {
      said = describe(token.getDetails());
    } else {
      said = describeContent(answer.getContent());
    }
    if (said == null || said.isBlank()) {
      said = answer.getStatusMessage() == null || answer.getStatusMessage().isBlank()
          ? "no description"
          : answer.getStatusMessage();
    }
    return clean(said) + " (HTTP " + answer.getStatusCode() + ")";
  }

  /** An OAuth error answer as {@code error: description}. */
  public static String describe(TokenErrorResponse error) {
    String description = error.getErrorDescription();
    return description == null || description.isBlank()
        ? error.getError()
        : error.getError() + ": " + description;
  }

  private static String describeContent(String content) {
    if (content == null || content.isBlank()) {
      return null;
    }
    try {
      JsonNode error = JSON.readTree(content).path("error");
      if (error.isObject()) {
        return error.path("message").isTextual() ? error.path("message").asText() : null;
      }
      if (error.isTextual()) {
        JsonNode description = JSON.readTree(content).path("error_description");
        return description.isTextual() ? error.asText() + ": " + description.asText() : error.asText();
      }
      return null;
    } catch (IOException notJson) {
      return null;
    }
  }

  private static String clean(String text) {
    String oneLine = text.replaceAll("\\p{Cntrl}+", " ").strip();
    return oneLine.length() <= MAX_MESSAGE ? oneLine : oneLine.substring(0, MAX_MESSAGE) + "…";
  }
}
