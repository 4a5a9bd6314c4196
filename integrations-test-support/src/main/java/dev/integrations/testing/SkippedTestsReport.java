package dev.integrations.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Writes every skipped or aborted test and test class of a module, with its reason, to {@code
 * target/skipped-tests.txt}; the last module of the build prints them all, so a skip cannot hide in
 * a module's counts. Registered for every module that has this library on its test classpath
 * through {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}.
 */
public final class SkippedTestsReport implements TestExecutionListener {
  /** The report of the module under test (the working directory of its test JVM). */
  public static final Path FILE = Path.of("target", "skipped-tests.txt");

  private static boolean started;

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    synchronized (SkippedTestsReport.class) {
      if (!started) {
        started = true;
        try {
          Files.deleteIfExists(FILE);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  @Override
  public void executionSkipped(TestIdentifier test, String reason) {
    record(test, "skipped", reason);
  }

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
      record(test, "skipped", result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
    }
  }

  private static void record(TestIdentifier test, String what, String reason) {
    Optional<String> name = name(test.getSource().orElse(null));
    if (name.isEmpty()) {
      return;
    }
    String module = Path.of("").toAbsolutePath().getFileName().toString();
    String line =
        module
            + ": "
            + name.get()
            + " "
            + what
            + ": "
            + String.valueOf(reason).replaceAll("\\s+", " ").strip()
            + System.lineSeparator();
    synchronized (SkippedTestsReport.class) {
      try {
        Files.createDirectories(FILE.getParent());
        Files.writeString(
            FILE,
            line,
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static Optional<String> name(TestSource source) {
    if (source instanceof MethodSource method) {
      return Optional.of(simple(method.getClassName()) + "." + method.getMethodName());
    }
    if (source instanceof ClassSource type) {
      return Optional.of(simple(type.getClassName()));
    }
    return Optional.empty();
  }

  private static String simple(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }
}
