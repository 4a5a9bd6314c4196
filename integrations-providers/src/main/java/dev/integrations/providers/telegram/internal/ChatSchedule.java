package dev.integrations.providers.telegram.internal;

import java.util.List;

/**
 * The sending slots reserved for one chat of one bot, checked against each of its rates as a
 * sliding window: a new slot is at least {@code period} after the {@code messages}-th slot before
 * it. Slots of one chat are reserved in increasing order, so each rate keeps only its last {@code
 * messages} slots.
 *
 * <p>Not thread-safe: {@link ChatPacer} guards it.
 */
final class ChatSchedule {
  private final List<Rate> rates;
  private final long[][] windows;
  private final int[] next;
  private final long longestPeriod;
  private int reserved;
  private long lastSlot;

  ChatSchedule(List<Rate> rates) {
    this.rates = List.copyOf(rates);
    this.windows = new long[rates.size()][];
    this.next = new int[rates.size()];
    long longest = 0;
    for (int i = 0; i < rates.size(); i++) {
      windows[i] = new long[rates.get(i).messages()];
      longest = Math.max(longest, rates.get(i).periodNanos());
    }
    this.longestPeriod = longest;
  }

  /** The earliest slot at or after {@code now} that keeps within every rate. */
  long earliest(long now) {
    long slot = now;
    for (int i = 0; i < windows.length; i++) {
      long[] window = windows[i];
      if (reserved >= window.length) {
        slot = Math.max(slot, window[next[i]] + rates.get(i).periodNanos());
      }
    }
    return slot;
  }

  /** Takes {@code slot}, which is not earlier than {@link #earliest} said. */
  void record(long slot) {
    for (int i = 0; i < windows.length; i++) {
      windows[i][next[i]] = slot;
      next[i] = (next[i] + 1) % windows[i].length;
    }
    reserved++;
    lastSlot = slot;
  }

  /** Whether no rate of this chat still constrains a slot at {@code now} or later. */
  boolean idle(long now) {
    return reserved == 0 || now - lastSlot >= longestPeriod;
  }
}
