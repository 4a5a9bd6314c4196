package dev.integrations.providers.google.internal;

import dev.integrations.core.model.Deadline;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Maps a list with a few threads at a time, keeping order; the first failure cancels the rest. The
 * helper threads work within the caller's request deadline.
 */
public final class BoundedParallel {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private BoundedParallel() {}

  /**
   * {@code items} mapped by {@code task}, at most {@code parallelism} at a time, in input order.
   */
  public static <T, R> List<R> map(List<T> items, int parallelism, Function<T, R> task) {
    if (items.size() <= 1) {
      return items.stream().map(task).toList();
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(parallelism, items.size()),
            runnable -> {
              Thread thread = new Thread(runnable, "google-fetch-" + THREADS.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    try {
      List<Future<R>> futures = new ArrayList<>(items.size());
      Deadline deadline = Deadline.current(); // the helper threads work for the same request
      for (T item : items) {
        futures.add(pool.submit(() -> deadline.run(() -> task.apply(item))));
      }
      List<R> results = new ArrayList<>(items.size());
      for (Future<R> future : futures) {
        results.add(future.get());
      }
      return results;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while fetching", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
