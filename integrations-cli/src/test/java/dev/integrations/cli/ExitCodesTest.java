package dev.integrations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.integrations.bootstrap.InvalidConfigurationException;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.NotConnectedException;
import dev.integrations.core.error.ProviderException;
import dev.integrations.core.error.ReauthorizationRequiredException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ExitCodesTest {
  private final ExitCodes codes = new ExitCodes();

  @Test
  void maps_the_failures_scripts_care_about_to_distinct_codes() {
    assertThat(codes.getExitCode(new NotConnectedException("x"))).isEqualTo(3);
    assertThat(codes.getExitCode(new ReauthorizationRequiredException("x"))).isEqualTo(4);
    assertThat(codes.getExitCode(new ProviderException(ErrorCode.PROVIDER_UNAVAILABLE, "x")))
        .isEqualTo(5);
    assertThat(codes.getExitCode(new ProviderException(ErrorCode.RATE_LIMITED, "x"))).isEqualTo(5);
    assertThat(codes.getExitCode(new ProviderException(ErrorCode.PROVIDER_REJECTED, "x")))
        .isEqualTo(6);
    assertThat(codes.getExitCode(new InvalidConfigurationException("x"))).isEqualTo(7);
    assertThat(codes.getExitCode(new IllegalStateException("x"))).isEqualTo(1);
  }

  @Test
  void every_error_code_maps_to_a_documented_non_zero_exit_code() {
    Arrays.stream(ErrorCode.values())
        .forEach(
            code ->
                assertThat(ExitCodes.descriptions())
                    .containsKey(String.format("%3d", ExitCodes.of(code))));
    assertThat(Arrays.stream(ErrorCode.values()).map(ExitCodes::of))
        .doesNotContain(ExitCodes.OK, ExitCodes.USAGE);
  }
}
