package dev.integrations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
  private static final long MIB = 1024 * 1024;

  @Test
  void shows_bar_percentage_bytes_rate_and_eta() {
    assertThat(ProgressBar.line(5 * MIB, 10 * MIB, Duration.ofSeconds(2)))
        .isEqualTo("[############............]  50%  5.0 MiB / 10.0 MiB  2.5 MiB/s  ETA 0:02");
  }

  @Test
  void shows_bytes_and_rate_only_when_the_total_is_unknown() {
    assertThat(ProgressBar.line(3 * MIB, -1, Duration.ofSeconds(3)))
        .isEqualTo("3.0 MiB  1.0 MiB/s");
  }

  @Test
  void has_no_eta_before_the_first_byte() {
    assertThat(ProgressBar.line(0, 100, Duration.ZERO))
        .endsWith("0 B/s  ETA --:--")
        .contains("  0%");
  }

  @Test
  void redraws_in_place_at_most_every_100_ms_and_always_at_the_end() {
    AtomicLong now = new AtomicLong();
    StringWriter terminal = new StringWriter();
    ProgressBar bar = new ProgressBar(new PrintWriter(terminal, true), now::get);

    bar.onProgress(10, 100);
    now.addAndGet(Duration.ofMillis(50).toNanos());
    bar.onProgress(20, 100);
    now.addAndGet(Duration.ofMillis(60).toNanos());
    bar.onProgress(30, 100);
    bar.onProgress(100, 100);
    bar.finish();

    String drawn = terminal.toString();
    assertThat(drawn.chars().filter(c -> c == '\r').count()).isEqualTo(3);
    assertThat(drawn).contains(" 10%", " 30%", "100%").doesNotContain(" 20%");
    assertThat(drawn).endsWith(System.lineSeparator());
  }

  @Test
  void draws_nothing_and_ends_no_line_when_never_called() {
    StringWriter terminal = new StringWriter();
    new ProgressBar(new PrintWriter(terminal, true), System::nanoTime).finish();

    assertThat(terminal.toString()).isEmpty();
  }

  @Test
  void formats_sizes_and_clock_times() {
    assertThat(Format.bytes(512L)).isEqualTo("512 B");
    assertThat(Format.bytes(1536L)).isEqualTo("1.5 KiB");
    assertThat(Format.bytes(3L * 1024 * MIB)).isEqualTo("3.0 GiB");
    assertThat(Format.clock(Duration.ofSeconds(3723))).isEqualTo("1:02:03");
    assertThat(Format.duration(Duration.ofMinutes(90))).isEqualTo("1h30m");
    assertThat(Format.duration(Duration.ofDays(7))).isEqualTo("7d");
    assertThat(Format.duration(Duration.ofSeconds(45))).isEqualTo("45s");
  }
}
