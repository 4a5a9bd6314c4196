package dev.integrations.providers.telegram;

import static dev.integrations.providers.telegram.BotApiServer.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.ProviderException;
import dev.integrations.core.model.ChatMessage;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.Secret;
import dev.integrations.core.port.MessagingPort;
import dev.integrations.providers.telegram.BotApiServer.TimingDispatcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pacing measured where it matters, at the server: the times at which sendMessage requests arrive.
 * Only lower bounds on spacing (and generous upper bounds on totals) are asserted.
 *
 * <p>These run on the real clock on purpose: the pacer's clock and sleeper are injected in {@code
 * ChatPacerTest} (exact slots on a fake clock), but {@link TelegramProviders.Builder} offers no
 * clock, so through the whole client only what arrives at the socket, and when, can be measured.
 */
class TelegramPacingTest {
  private static final Credentials STORED = Credentials.ofToken(Secret.of(TOKEN));
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long JITTER_MS = 150;

  private MockWebServer server;
  private final TimingDispatcher arrivals = new TimingDispatcher();
  private final ExecutorService senders = Executors.newFixedThreadPool(40);

  @BeforeEach
  void start() throws IOException {
    server = BotApiServer.start();
    server.setDispatcher(arrivals);
  }

  /**
   * Pacing spaces the starts of requests exactly; what the server sees also varies with each
   * request's latency, and a cold JVM or connection pool adds tens to hundreds of ms to the first.
   * So every test warms its client up first (on a chat it does not measure), and spacing is
   * asserted with a tolerance of {@value #JITTER_MS} ms: the delivery jitter of one request on a
   * loaded 2-core machine, independent of the interval (without pacing the gaps would be ~0 ms).
   */
  private MessagingPort warmedUp(MessagingPort telegram) {
    telegram.send(STORED, ChatMessage.text("7", "warm-up"));
    arrivals.arrivals.clear();
    return telegram;
  }

  @AfterEach
  void stop() {
    senders.shutdownNow();
    server.close();
  }

  private TelegramProviders.Builder builder() {
    return TelegramProviders.builder().apiUrl(BotApiServer.url(server));
  }

  private MessagingPort messaging(TelegramProviders.Builder builder) {
    return warmedUp((MessagingPort) builder.build().provider());
  }

  private List<Future<?>> sendAll(MessagingPort telegram, List<String> chatIds) {
    List<Future<?>> sends = new ArrayList<>();
    for (String chatId : chatIds) {
      sends.add(senders.submit(() -> telegram.send(STORED, ChatMessage.text(chatId, "hello"))));
    }
    return sends;
  }

  private static void awaitAll(List<Future<?>> sends) throws Exception {
    for (Future<?> send : sends) {
      send.get();
    }
  }

  private List<Long> arrivalsAt(String chatId) {
    return arrivals.arrivals.stream()
        .filter(a -> chatOf(a.body()).equals(chatId))
        .map(TimingDispatcher.Arrival::nanos)
        .sorted()
        .toList();
  }

  private static String chatOf(String body) {
    try {
      return JSON.readTree(body).get("chat_id").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Long> gapsMillis(List<Long> times) {
    List<Long> gaps = new ArrayList<>();
    for (int i = 1; i < times.size(); i++) {
      gaps.add(Duration.ofNanos(times.get(i) - times.get(i - 1)).toMillis());
    }
    return gaps;
  }

  private static long spanMillis(List<Long> times) {
    return Duration.ofNanos(times.get(times.size() - 1) - times.get(0)).toMillis();
  }

  @Test
  void a_burst_to_one_chat_is_sent_one_message_per_second() throws Exception {
    MessagingPort telegram = messaging(builder());

    awaitAll(sendAll(telegram, List.of("42", "42", "42", "42", "42")));

    List<Long> times = arrivalsAt("42");
    System.out.printf(
        "one chat, default limits: gaps %s ms, span %d ms%n", gapsMillis(times), spanMillis(times));
    assertThat(times).hasSize(5);
    assertThat(gapsMillis(times))
        .allSatisfy(gap -> assertThat(gap).isGreaterThanOrEqualTo(1_000 - JITTER_MS));
    assertThat(spanMillis(times)).isGreaterThanOrEqualTo(4_000 - JITTER_MS).isLessThan(8_000);
  }

  @Test
  void a_burst_to_thirty_chats_is_not_throttled_per_chat_but_stays_within_thirty_per_second()
      throws Exception {
    MessagingPort telegram = messaging(builder());
    List<String> chats = new ArrayList<>();
    for (int chat = 1; chat <= 30; chat++) {
      chats.add(String.valueOf(1_000 + chat));
    }

    long start = System.nanoTime();
    awaitAll(sendAll(telegram, chats));
    long tookMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();

    List<Long> times =
        arrivals.arrivals.stream().map(TimingDispatcher.Arrival::nanos).sorted().toList();
    System.out.printf(
        "30 chats, default limits: took %d ms, span %d ms%n", tookMillis, spanMillis(times));
    assertThat(times).hasSize(30);
    assertThat(tookMillis).as("1/s per chat would take 29 s").isLessThan(5_000);
    assertThat(spanMillis(times)).as("30 per second for the bot").isGreaterThanOrEqualTo(800);
  }

  @Test
  void a_busy_chat_does_not_delay_another_chat() throws Exception {
    MessagingPort telegram = messaging(builder().perChatRate(1, Duration.ofMillis(500)));
    List<Future<?>> busy = sendAll(telegram, List.of("42", "42", "42", "42", "42"));
    // The second message of the busy chat has arrived: its pacing is under way, three more are
    // waiting.
    arrivals.awaitArrivals(body -> chatOf(body).equals("42"), 2);

    long start = System.nanoTime();
    telegram.send(STORED, ChatMessage.text("43", "meanwhile"));
    long otherMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
    awaitAll(busy);

    List<Long> busyTimes = arrivalsAt("42");
    System.out.printf(
        "busy chat at 2/s: span %d ms; other chat sent in %d ms%n",
        spanMillis(busyTimes), otherMillis);
    assertThat(otherMillis).isLessThan(400);
    assertThat(spanMillis(busyTimes)).isGreaterThanOrEqualTo(1_800);
  }

  @Test
  void a_group_gets_its_per_minute_limit_as_well_as_the_per_chat_one() throws Exception {
    MessagingPort telegram =
        messaging(
            builder()
                .perChatRate(1, Duration.ofMillis(500))
                .perGroupRate(3, Duration.ofSeconds(2)));

    awaitAll(sendAll(telegram, List.of("-100123", "-100123", "-100123", "-100123", "-100123")));

    List<Long> times = arrivalsAt("-100123");
    System.out.printf("group at 1/500ms and 3/2s: gaps %s ms%n", gapsMillis(times));
    assertThat(gapsMillis(times).subList(0, 2))
        .allSatisfy(gap -> assertThat(gap).isGreaterThanOrEqualTo(500 - JITTER_MS));
    assertThat(Duration.ofNanos(times.get(3) - times.get(0)).toMillis())
        .as("the fourth message waits for the group's window")
        .isGreaterThanOrEqualTo(2_000 - JITTER_MS);
    assertThat(Duration.ofNanos(times.get(4) - times.get(1)).toMillis())
        .isGreaterThanOrEqualTo(2_000 - JITTER_MS);
  }

  @Test
  void a_send_that_would_wait_too_long_for_its_slot_is_refused_without_calling() {
    MessagingPort telegram =
        messaging(
            builder().perChatRate(1, Duration.ofSeconds(10)).maxPacingWait(Duration.ofSeconds(1)));
    telegram.send(STORED, ChatMessage.text("42", "first"));

    assertThatThrownBy(() -> telegram.send(STORED, ChatMessage.text("42", "second")))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
              assertThat(e.retryAfter())
                  .hasValueSatisfying(
                      wait ->
                          assertThat(wait)
                              .isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10)));
            });
    assertThat(arrivalsAt("42")).hasSize(1);
  }
}
