package dev.integrations.providers.telegram.internal;

import java.util.TreeSet;

/**
 * The sending slots reserved for one bot across all its chats, evenly spaced at the bot-wide rate.
 * Slots may be reserved out of order (a busy chat books slots seconds ahead while another chat
 * wants one now), so they are kept sorted and a new slot goes into the first gap wide enough.
 *
 * <p>Not thread-safe: {@link ChatPacer} guards it.
 */
final class BotSchedule {
  private final long interval;
  private final TreeSet<Long> slots = new TreeSet<>();

  BotSchedule(Rate rate) {
    this.interval = rate.intervalNanos();
  }

  /**
   * The earliest slot at or after {@code from} at least one interval away from every reserved slot.
   */
  long earliest(long from) {
    long slot = from;
    while (true) {
      Long before = slots.floor(slot);
      if (before != null && slot - before < interval) {
        slot = before + interval;
        continue;
      }
      Long after = slots.ceiling(slot);
      if (after != null && after - slot < interval) {
        slot = after + interval;
        continue;
      }
      return slot;
    }
  }

  void record(long slot) {
    slots.add(slot);
  }

  /** Forgets slots that can no longer constrain one at {@code now} or later. */
  void forgetBefore(long now) {
    slots.headSet(now - interval, false).clear();
  }

  boolean idle(long now) {
    forgetBefore(now);
    return slots.isEmpty();
  }
}
