package dev.integrations.core.service;

import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.TestResult;
import java.util.Objects;

/**
 * One connection's result in {@link IntegrationService#testAll}.
 *
 * @param type the integration tested
 * @param result what its test found
 */
public record ConnectionTest(IntegrationType type, TestResult result) {
  /** Requires both. */
  public ConnectionTest {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(result, "result");
  }
}
