package dev.integrations.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Lines typed or piped on standard input while a command waits for something else, read on a daemon
 * thread (a blocked read of standard input cannot be interrupted), so that the command can wait for
 * either.
 */
final class Pasted {
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

  private Pasted(InputStream in) {
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                  if (!line.isBlank()) {
                    this.lines.add(line.strip());
                  }
                }
              } catch (IOException ignored) {
                // no more input: the command waits for its other outcome
              }
            },
            "integrations-stdin");
    reader.setDaemon(true);
    reader.start();
  }

  static Pasted from(InputStream in) {
    return new Pasted(in);
  }

  /** The next line, waiting up to {@code wait}; null when none came. */
  String poll(Duration wait) throws InterruptedException {
    return lines.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
  }
}
