package dev.integrations.core.model;

import dev.integrations.core.error.ErrorCode;
import java.util.Objects;

/**
 * The answer of a connection test: whether the provider accepted the stored credentials.
 *
 * @param success whether the provider accepted them
 * @param message a sentence for the user
 * @param code why it failed, null on success
 * @param account the account the provider reported, null when it said nothing
 */
public record TestResult(boolean success, String message, ErrorCode code, Account account) {
  /** Requires a message, and a code exactly when the test failed. */
  public TestResult {
    Objects.requireNonNull(message, "message");
    if (success == (code != null)) {
      throw new IllegalArgumentException("a failed test has a code, a successful one none");
    }
  }

  /** A passed test, with the account the provider reported (or null). */
  public static TestResult passed(String message, Account account) {
    return new TestResult(true, message, null, account);
  }

  /** A failed test with its reason. */
  public static TestResult failed(ErrorCode code, String message) {
    return new TestResult(false, message, code, null);
  }
}
