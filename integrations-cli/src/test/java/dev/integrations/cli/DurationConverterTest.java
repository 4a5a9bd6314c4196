package dev.integrations.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {
  private final DurationConverter converter = new DurationConverter();

  @ParameterizedTest
  @CsvSource({
    "90s,PT1M30S",
    "90,PT1M30S",
    "5m,PT5M",
    "2h,PT2H",
    "7d,PT168H",
    "PT10M,PT10M",
    "1H,PT1H"
  })
  void reads_short_and_iso_durations(String text, String expected) {
    assertThat(converter.convert(text)).isEqualTo(Duration.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"soon", "0s", "-5m", "5 minutes", ""})
  void refuses_anything_else(String text) {
    assertThatThrownBy(() -> converter.convert(text)).isInstanceOf(TypeConversionException.class);
  }

  @Test
  void names_the_accepted_forms() {
    assertThatThrownBy(() -> converter.convert("soon")).hasMessageContaining("90s, 5m, 2h or 7d");
  }
}
