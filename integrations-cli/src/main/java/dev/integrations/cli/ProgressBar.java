package dev.integrations.cli;

import dev.integrations.core.model.UploadProgress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * An upload's progress on one terminal line, redrawn in place at most every {@value #REDRAW_MILLIS}
 * ms: bar, percentage, bytes sent of total, average rate and ETA. Used only when a person watches;
 * under {@code --json} or in a pipe the upload reports nothing.
 *
 * <p>Called from the uploading thread only.
 */
final class ProgressBar implements UploadProgress {
  static final int REDRAW_MILLIS = 100;
  private static final int WIDTH = 24;

  private final PrintWriter terminal;
  private final LongSupplier nanoTime;
  private final long startedAt;
  private long drawnAt = Long.MIN_VALUE;
  private int drawnLength;

  ProgressBar(PrintWriter terminal, LongSupplier nanoTime) {
    this.terminal = terminal;
    this.nanoTime = nanoTime;
    this.startedAt = nanoTime.getAsLong();
  }

  @Override
  public void onProgress(long bytesSent, long totalBytes) {
    long now = nanoTime.getAsLong();
    boolean done = totalBytes >= 0 && bytesSent >= totalBytes;
    if (!done && drawnAt != Long.MIN_VALUE && now - drawnAt < REDRAW_MILLIS * 1_000_000L) {
      return;
    }
    drawnAt = now;
    String line = line(bytesSent, totalBytes, Duration.ofNanos(now - startedAt));
    terminal.print("\r" + line + " ".repeat(Math.max(0, drawnLength - line.length())));
    terminal.flush();
    drawnLength = line.length();
  }

  /** Ends the progress line, if one was drawn, so that what follows starts on a line of its own. */
  void finish() {
    if (drawnLength > 0) {
      terminal.println();
      terminal.flush();
      drawnLength = 0;
    }
  }

  /** The progress line after {@code elapsed}; {@code total} is -1 when unknown. */
  static String line(long sent, long total, Duration elapsed) {
    double seconds = elapsed.toNanos() / 1e9;
    double rate = seconds > 0 ? sent / seconds : 0;
    String speed = Format.bytes((long) rate) + "/s";
    if (total < 0) {
      return String.format(Locale.ROOT, "%s  %s", Format.bytes(sent), speed);
    }
    double fraction = total == 0 ? 1 : Math.min(1, (double) sent / total);
    int filled = (int) Math.round(fraction * WIDTH);
    String bar = "#".repeat(filled) + ".".repeat(WIDTH - filled);
    String eta =
        rate > 0
            ? Format.clock(Duration.ofSeconds((long) Math.ceil((total - sent) / rate)))
            : "--:--";
    return String.format(
        Locale.ROOT,
        "[%s] %3d%%  %s / %s  %s  ETA %s",
        bar,
        Math.round(fraction * 100),
        Format.bytes(sent),
        Format.bytes(total),
        speed,
        eta);
  }
}
