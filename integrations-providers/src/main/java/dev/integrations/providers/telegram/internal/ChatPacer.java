package dev.integrations.providers.telegram.internal;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.ProviderException;
import dev.integrations.core.model.Deadline;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Keeps a bot's sends within Telegram's limits so that bulk sends do not earn 429s: each send
 * reserves the next free slot of its chat (private chats: {@code perChat}; groups and channels,
 * negative ids or {@code @name}: {@code perChat} and {@code perGroup}) that is also free in the
 * bot-wide schedule ({@code perBot}), then sleeps until its own slot. A busy chat delays only
 * itself: other chats take the gaps between its slots. A send whose slot is further away than
 * {@code maxWait}, or than the end of the current request {@link Deadline}, is refused at once.
 * Chats and bots that no longer constrain anything are forgotten, so memory stays bounded.
 *
 * <p>Thread-safe.
 *
 * @see <a
 *     href="https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this">Bots
 *     FAQ: limits</a>
 */
public final class ChatPacer {
  private static final int SWEEP_EVERY = 256;

  /**
   * The limits a pacer enforces.
   *
   * @param perChat every chat
   * @param perGroup groups and channels, in addition to {@code perChat}
   * @param perBot all chats of one bot together
   * @param maxWait the longest a send waits for its slot before it is refused as rate limited
   */
  public record Limits(Rate perChat, Rate perGroup, Rate perBot, Duration maxWait) {
    /** Requires every rate and the wait. */
    public Limits {
      Objects.requireNonNull(perChat, "perChat");
      Objects.requireNonNull(perGroup, "perGroup");
      Objects.requireNonNull(perBot, "perBot");
      Objects.requireNonNull(maxWait, "maxWait");
    }

    /**
     * Telegram's documented limits: 1/s per chat, 20/min per group, 30/s per bot; wait up to 30 s.
     */
    public static Limits telegramDefaults() {
      return new Limits(
          new Rate(1, Duration.ofSeconds(1)),
          new Rate(20, Duration.ofMinutes(1)),
          new Rate(30, Duration.ofSeconds(1)),
          Duration.ofSeconds(30));
    }
  }

  /** Waits until a point on the pacer's clock. */
  @FunctionalInterface
  public interface Sleeper {
    /** Waits about {@code nanos} nanoseconds. */
    void sleepNanos(long nanos) throws InterruptedException;
  }

  private record ChatKey(String botId, String chatId) {}

  private final Limits limits;
  private final LongSupplier clock;
  private final Sleeper sleeper;
  private final ConcurrentMap<ChatKey, ChatSchedule> chats = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, BotSchedule> bots = new ConcurrentHashMap<>();
  private final AtomicLong reservations = new AtomicLong();

  /** A pacer on the system's monotonic clock. */
  public ChatPacer(Limits limits) {
    this(limits, System::nanoTime, TimeUnit.NANOSECONDS::sleep);
  }

  ChatPacer(Limits limits, LongSupplier clock, Sleeper sleeper) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /**
   * Reserves the next slot for {@code chatId} of {@code botId} and sleeps until it.
   *
   * @throws ProviderException {@link ErrorCode#RATE_LIMITED} when the slot is further than {@code
   *     maxWait} away (nothing is reserved then), {@link ErrorCode#PROVIDER_UNAVAILABLE} when
   *     interrupted
   */
  public void awaitSlot(String botId, String chatId) {
    long slot = reserve(botId, chatId);
    try {
      for (long wait = slot - clock.getAsLong(); wait > 0; wait = slot - clock.getAsLong()) {
        sleeper.sleepNanos(wait);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderException(
          ErrorCode.PROVIDER_UNAVAILABLE, "Interrupted while waiting for a Telegram sending slot.");
    }
  }

  /** Reserves and returns the next slot for the chat, on the pacer's clock. */
  long reserve(String botId, String chatId) {
    long now = clock.getAsLong();
    long maxWait = Math.min(limits.maxWait().toNanos(), Deadline.current().remaining().toNanos());
    Booking booking = new Booking();
    chats.compute(
        new ChatKey(botId, normalize(chatId)),
        (key, existing) -> {
          ChatSchedule chat =
              existing != null ? existing : new ChatSchedule(ratesFor(key.chatId()));
          long chatSlot = chat.earliest(now);
          bots.compute(
              botId,
              (id, existingBot) -> {
                BotSchedule bot =
                    existingBot != null ? existingBot : new BotSchedule(limits.perBot());
                bot.forgetBefore(now);
                booking.slot = bot.earliest(chatSlot);
                booking.accepted = booking.slot - now <= maxWait;
                if (booking.accepted) {
                  bot.record(booking.slot);
                  chat.record(booking.slot);
                }
                return bot;
              });
          return chat.idle(now) ? null : chat;
        });
    if (reservations.incrementAndGet() % SWEEP_EVERY == 0) {
      forgetIdle(now);
    }
    if (!booking.accepted) {
      Duration wait = Duration.ofNanos(booking.slot - now);
      throw new ProviderException(
          ErrorCode.RATE_LIMITED,
          "Too many messages are queued for this Telegram chat; try again in "
              + Math.max(1, (wait.toMillis() + 999) / 1000)
              + " s.",
          wait,
          null);
    }
    return booking.slot;
  }

  /** The outcome of one reservation, written inside the schedules' critical sections. */
  private static final class Booking {
    long slot;
    boolean accepted;
  }

  /** Drops chats and bots whose limits no longer constrain any future slot. */
  void forgetIdle(long now) {
    for (ChatKey key : chats.keySet()) {
      chats.computeIfPresent(key, (k, chat) -> chat.idle(now) ? null : chat);
    }
    for (String bot : bots.keySet()) {
      bots.computeIfPresent(bot, (b, schedule) -> schedule.idle(now) ? null : schedule);
    }
  }

  /** How many chats the pacer currently remembers. */
  int trackedChats() {
    return chats.size();
  }

  private List<Rate> ratesFor(String chatId) {
    boolean group = chatId.startsWith("-") || chatId.startsWith("@");
    return group ? List.of(limits.perChat(), limits.perGroup()) : List.of(limits.perChat());
  }

  private static String normalize(String chatId) {
    return chatId.startsWith("@") ? chatId.toLowerCase(Locale.ROOT) : chatId;
  }
}
