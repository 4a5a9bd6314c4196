package dev.integrations.testing;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The one rule for tests that need something outside the JVM (a PostgreSQL server, a browser):
 * where the environment says it is there, its absence is a failure; elsewhere the test is skipped
 * with a message that says how to provide it.
 *
 * <p>The environment says so when {@code INTEGRATIONS_TEST_PG_URL} is set (someone pointed the
 * tests at their services) or {@code CI} is {@code true} in any letter case. Skips are listed at
 * the end of the build by {@link SkippedTestsReport}.
 */
public final class Prerequisites {
  private Prerequisites() {}

  /** Whether a missing prerequisite fails the test here, as the process environment says. */
  public static boolean required() {
    return required(System.getenv());
  }

  /** Whether a missing prerequisite fails the test in {@code environment}. */
  static boolean required(Map<String, String> environment) {
    String pgUrl = environment.get("INTEGRATIONS_TEST_PG_URL");
    String ci = environment.get("CI");
    return (pgUrl != null && !pgUrl.isBlank())
        || (ci != null && ci.strip().toLowerCase(Locale.ROOT).equals("true"));
  }

  /**
   * Ends the current test because {@code message} says what is missing: a failure where {@link
   * #required()}, a skip elsewhere. Never returns normally.
   */
  public static AssertionError missing(String message) {
    if (required()) {
      Assertions.fail(
          message + " (a failure, not a skip: INTEGRATIONS_TEST_PG_URL is set or CI=true)");
    }
    Assumptions.abort(message);
    return new AssertionError(message);
  }
}
