package dev.integrations.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** When a missing database or browser fails a test instead of skipping it. */
class PrerequisitesTest {

  @Test
  void ci_true_in_any_letter_case_requires_them() {
    assertThat(Prerequisites.required(Map.of("CI", "true"))).isTrue();
    assertThat(Prerequisites.required(Map.of("CI", "TRUE"))).isTrue();
    assertThat(Prerequisites.required(Map.of("CI", "True"))).isTrue();
  }

  @Test
  void a_test_database_url_requires_them() {
    assertThat(
            Prerequisites.required(
                Map.of("INTEGRATIONS_TEST_PG_URL", "jdbc:postgresql://127.0.0.1/x")))
        .isTrue();
  }

  @Test
  void elsewhere_they_are_optional() {
    assertThat(Prerequisites.required(Map.of())).isFalse();
    assertThat(Prerequisites.required(Map.of("CI", "false"))).isFalse();
    assertThat(Prerequisites.required(Map.of("CI", "1"))).isFalse();
    assertThat(Prerequisites.required(Map.of("INTEGRATIONS_TEST_PG_URL", " "))).isFalse();
  }
}
