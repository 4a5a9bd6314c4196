package dev.integrations.core.testing;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.concurrent.locks.LockSupport;

/** Watches caller threads for the moment they all wait on a refresh that another thread leads. */
public final class Flights {
  private Flights() {}

  /**
   * Waits until every one of {@code callers} is parked in the refresher, waiting for the flight of
   * another caller (an AssertionError after {@code timeout}). This is a condition, not a guess of
   * how long the callers need: it holds only once each of them has joined the flight.
   */
  public static void awaitAllWaiting(Collection<Thread> callers, Duration timeout) {
    long until = System.nanoTime() + timeout.toNanos();
    while (!callers.stream().allMatch(Flights::isWaitingForAFlight)) {
      if (System.nanoTime() - until > 0) {
        throw new AssertionError("not every caller joined the refresh in flight in time");
      }
      LockSupport.parkNanos(200_000);
    }
  }

  private static boolean isWaitingForAFlight(Thread thread) {
    Thread.State state = thread.getState();
    return (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING)
        && Arrays.stream(thread.getStackTrace())
            .anyMatch(
                frame ->
                    frame.getClassName().endsWith(".CredentialsRefresher")
                        && frame.getMethodName().equals("await"));
  }
}
