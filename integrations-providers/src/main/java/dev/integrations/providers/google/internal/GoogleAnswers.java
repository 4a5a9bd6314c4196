package dev.integrations.providers.google.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpResponseException;
import dev.integrations.providers.internal.RetryAfter;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;

/**
 * Reads Google's error answers: whether one is worth retrying, how long Google asked to wait, and
 * its own description of what went wrong (from the answer body, never from the request).
 */
public final class GoogleAnswers {
  private static final Set<String> RATE_LIMIT_REASONS =
      Set.of("rateLimitExceeded", "userRateLimitExceeded", "RATE_LIMIT_EXCEEDED");
  private static final int MAX_MESSAGE = 300;
  private static final ObjectMapper JSON = new ObjectMapper();

  private GoogleAnswers() {}

  /** Whether the answer is worth retrying: 429, 5xx, or Google's 403 for rate limits. */
  static boolean isTransient(HttpResponseException answer) {
    int status = answer.getStatusCode();
    return status == 429 || status >= 500 || isRateLimit(answer);
  }

  /**
   * Whether the answer proves the request was turned away before Google acted on it (429, or a
   * rate-limit 403), so that even a call that must not happen twice can be repeated. A 503 does
   * not: a front end may answer it after the backend has sent the mail.
   */
  static boolean wasRefused(HttpResponseException answer) {
    int status = answer.getStatusCode();
    return status == 429 || isRateLimit(answer);
  }

  static boolean isRateLimit(HttpResponseException answer) {
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
    return RetryAfter.parse(answer.getHeaders().getFirstHeaderStringValue("Retry-After"));
  }

  /** Google's description of an error answer, shortened, on one line. */
  public static String describe(HttpResponseException answer) {
    String said = null;
    if (answer instanceof GoogleJsonResponseException json && json.getDetails() != null) {
      said = json.getDetails().getMessage();
    } else {
      said = describeContent(answer.getContent());
    }
    if (said == null || said.isBlank()) {
      said =
          answer.getStatusMessage() == null || answer.getStatusMessage().isBlank()
              ? "no description"
              : answer.getStatusMessage();
    }
    return clean(said) + " (HTTP " + answer.getStatusCode() + ")";
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
        return description.isTextual()
            ? error.asText() + ": " + description.asText()
            : error.asText();
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
