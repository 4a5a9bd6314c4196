package dev.integrations.testing.providers;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;

/**
 * What a stand-in's message endpoint received and delivered, and the answers queued to come before
 * its normal ones (a 429 with its wait, a 5xx, a refusal), each used by one send. Thread-safe.
 */
public final class SendFaults {
  private final Queue<MockResponse> next = new ConcurrentLinkedQueue<>();
  private final List<String> attempts = new CopyOnWriteArrayList<>();
  private final List<String> delivered = new CopyOnWriteArrayList<>();

  SendFaults() {}

  /** Queues {@code answer} for the next send that passes authentication. */
  void queue(MockResponse answer) {
    next.add(answer);
  }

  /** Records an authenticated send of {@code text}; returns the queued answer it gets, or null. */
  MockResponse attempt(String text) {
    attempts.add(text);
    return next.poll();
  }

  /** Records {@code text} as delivered. */
  void deliver(String text) {
    delivered.add(text);
  }

  /** The texts of every authenticated send request, answered or refused, in order. */
  public List<String> attempts() {
    return List.copyOf(attempts);
  }

  /** The texts delivered (answered with success), in order. */
  public List<String> delivered() {
    return List.copyOf(delivered);
  }
}
