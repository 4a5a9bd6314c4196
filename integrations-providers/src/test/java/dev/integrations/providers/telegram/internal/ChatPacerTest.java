package dev.integrations.providers.telegram.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.ProviderException;
import dev.integrations.core.model.Deadline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The pacer's arithmetic on a fake clock; {@code TelegramPacingTest} measures it on real sockets.
 */
class ChatPacerTest {
  private static final long SECOND = Duration.ofSeconds(1).toNanos();

  private final AtomicLong now = new AtomicLong(1_000 * SECOND);
  private final List<Long> sleeps = new ArrayList<>();

  private ChatPacer pacer(ChatPacer.Limits limits) {
    return new ChatPacer(
        limits,
        now::get,
        nanos -> {
          sleeps.add(nanos);
          now.addAndGet(nanos);
        });
  }

  private final ChatPacer telegram = pacer(ChatPacer.Limits.telegramDefaults());

  /** Telegram's limits, but willing to queue for minutes. */
  private final ChatPacer patient =
      pacer(
          new ChatPacer.Limits(
              new Rate(1, Duration.ofSeconds(1)),
              new Rate(20, Duration.ofMinutes(1)),
              new Rate(30, Duration.ofSeconds(1)),
              Duration.ofMinutes(5)));

  @Test
  void spaces_messages_to_one_private_chat_one_second_apart() {
    long start = now.get();

    List<Long> slots =
        List.of(
            telegram.reserve("1", "42"), telegram.reserve("1", "42"), telegram.reserve("1", "42"));

    assertThat(slots).containsExactly(start, start + SECOND, start + 2 * SECOND);
  }

  @Test
  void allows_twenty_messages_per_minute_to_a_group_then_waits_for_the_window() {
    long start = now.get();
    List<Long> slots = new ArrayList<>();
    for (int i = 0; i < 21; i++) {
      slots.add(patient.reserve("1", "-100123"));
    }

    assertThat(slots.get(19)).isEqualTo(start + 19 * SECOND);
    assertThat(slots.get(20)).isEqualTo(start + 60 * SECOND);
  }

  @Test
  void treats_channel_usernames_as_groups_case_insensitively() {
    long start = now.get();
    for (int i = 0; i < 20; i++) {
      patient.reserve("1", i % 2 == 0 ? "@MyChannel" : "@mychannel");
    }

    assertThat(patient.reserve("1", "@mychannel")).isEqualTo(start + 60 * SECOND);
  }

  @Test
  void spaces_a_bots_messages_to_many_chats_at_thirty_per_second() {
    long start = now.get();
    List<Long> slots = new ArrayList<>();
    for (int chat = 1; chat <= 31; chat++) {
      slots.add(telegram.reserve("1", String.valueOf(chat)));
    }

    assertThat(slots.get(0)).isEqualTo(start);
    assertThat(slots.get(30) - start).isBetween(SECOND - 30, SECOND);
    for (int i = 1; i < slots.size(); i++) {
      assertThat(slots.get(i) - slots.get(i - 1)).isEqualTo(SECOND / 30);
    }
  }

  @Test
  void a_busy_chat_does_not_delay_another_chat() {
    long start = now.get();
    for (int i = 0; i < 10; i++) {
      telegram.reserve("1", "42");
    }

    long other = telegram.reserve("1", "43");

    assertThat(other - start).isLessThanOrEqualTo(SECOND / 30);
  }

  @Test
  void different_bots_do_not_share_limits() {
    long start = now.get();
    telegram.reserve("1", "42");

    assertThat(telegram.reserve("2", "42")).isEqualTo(start);
  }

  @Test
  void refuses_a_send_that_would_wait_longer_than_allowed_and_reserves_nothing() {
    ChatPacer pacer =
        pacer(
            new ChatPacer.Limits(
                new Rate(1, Duration.ofSeconds(10)),
                new Rate(20, Duration.ofMinutes(1)),
                new Rate(30, Duration.ofSeconds(1)),
                Duration.ofSeconds(5)));
    long start = now.get();
    pacer.reserve("1", "42");

    assertThatThrownBy(() -> pacer.reserve("1", "42"))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(10));
            });
    now.addAndGet(10 * SECOND);
    assertThat(pacer.reserve("1", "42")).isEqualTo(start + 10 * SECOND);
  }

  @Test
  void forgets_chats_whose_limits_no_longer_apply() {
    for (int chat = 1; chat <= 600; chat++) {
      telegram.reserve("1", String.valueOf(chat));
    }
    telegram.reserve("1", "-100123");
    assertThat(telegram.trackedChats()).isEqualTo(601);

    now.addAndGet(40 * SECOND);
    telegram.forgetIdle(now.get());
    assertThat(telegram.trackedChats())
        .as("the group's one-minute window is still open")
        .isEqualTo(1);

    now.addAndGet(45 * SECOND);
    telegram.forgetIdle(now.get());
    assertThat(telegram.trackedChats()).isZero();
  }

  @Test
  void sleeps_exactly_until_its_own_slot() {
    telegram.awaitSlot("1", "42");
    telegram.awaitSlot("1", "42");

    assertThat(sleeps).containsExactly(SECOND);
  }

  @Test
  void a_slot_beyond_the_request_deadline_is_refused_at_once_and_not_reserved() {
    for (int i = 0; i < 3; i++) {
      patient.reserve("1", "42"); // the chat's slots are now, +1 s and +2 s
    }
    Deadline deadline = Deadline.after(Duration.ofMillis(1500), now::get);

    assertThatThrownBy(
            () ->
                deadline.run(
                    () -> {
                      patient.awaitSlot("1", "42");
                      return null;
                    }))
        .isInstanceOfSatisfying(
            ProviderException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED));
    assertThat(sleeps).isEmpty();
    assertThat(patient.reserve("1", "42")).isEqualTo(now.get() + 3 * SECOND);
  }
}
