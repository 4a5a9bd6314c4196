package dev.integrations.core.service;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.IntegrationException;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.TestResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one test per connection, at most {@value #CONCURRENCY} at a time, and collects every result.
 */
final class BatchTests {
  /** How many of one user's tests run at once. */
  static final int CONCURRENCY = 4;

  private static final Logger LOG = LoggerFactory.getLogger(BatchTests.class);
  private static final AtomicInteger THREADS = new AtomicInteger();

  private BatchTests() {}

  /**
   * Tests each of {@code types} with {@code test}; an error becomes a failed result with its code.
   */
  static List<ConnectionTest> run(
      List<IntegrationType> types, Function<IntegrationType, TestResult> test) {
    if (types.isEmpty()) {
      return List.of();
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(CONCURRENCY, types.size()),
            r -> {
              Thread thread = new Thread(r, "integrations-test-all-" + THREADS.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    try {
      List<Future<TestResult>> running = new ArrayList<>(types.size());
      for (IntegrationType type : types) {
        running.add(pool.submit(() -> testOne(type, test)));
      }
      List<ConnectionTest> results = new ArrayList<>(types.size());
      for (int i = 0; i < types.size(); i++) {
        results.add(new ConnectionTest(types.get(i), await(running.get(i))));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static TestResult testOne(
      IntegrationType type, Function<IntegrationType, TestResult> test) {
    try {
      return test.apply(type);
    } catch (IntegrationException e) {
      return TestResult.failed(e.code(), e.getMessage());
    } catch (RuntimeException e) {
      LOG.warn("Testing {} failed unexpectedly", type, e);
      return TestResult.failed(ErrorCode.INTERNAL_ERROR, "The test failed unexpectedly.");
    }
  }

  private static TestResult await(Future<TestResult> result) {
    try {
      return result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return TestResult.failed(ErrorCode.INTERNAL_ERROR, "Interrupted before the test finished.");
    } catch (ExecutionException e) {
      return TestResult.failed(ErrorCode.INTERNAL_ERROR, "The test failed unexpectedly.");
    }
  }
}
