package dev.integrations.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.testing.ProviderStandIns;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Through the real server with {@code INTEGRATIONS_REQUEST_DEADLINE=1s}: a provider that hangs is a
 * 504 {@code provider_timeout} within the deadline plus room for a loaded machine (the providers'
 * own timeouts would allow 20 s and more), and a send is made once; a send answered 503 is not
 * repeated, one turned away with 429 is repeated after its {@code Retry-After}.
 */
class RequestDeadlineTest {
  private static final Duration DEADLINE = Duration.ofSeconds(1);
  private static final Duration SLACK = Duration.ofSeconds(4);
  private static final String PUBLIC_URL = "http://integrations.test:8000";
  private static final String SEND = "/gmail/v1/users/me/messages/send";
  private static final String FILES = "/drive/v3/files";
  private static final String UPLOAD = "/upload/drive/v3/files";
  private static final String MAIL =
      "{\"to\":\"bob@example.com\",\"subject\":\"s\",\"body\":\"b\"}";
  private static final String MESSAGE = "{\"chat_id\":\"4711\",\"text\":\"hi\"}";

  StandInsThatHang standIns;
  TestServer server;
  String ann;

  /**
   * One Google consent through a server with the default deadline first: the first code exchange in
   * a JVM (mock-oauth2-server's keys, class loading) can take longer than the 1 s the tests'
   * connects get on a loaded machine, and a connect is these tests' setup, not what they test.
   */
  @BeforeAll
  static void warmUp() {
    try (StandInsThatHang warm = new StandInsThatHang();
        TestServer server = TestServer.start(warm.env())) {
      RequestDeadlineTest test = new RequestDeadlineTest();
      test.standIns = warm;
      test.server = server;
      test.ann = server.token("ann");
      test.connectGoogle("gmail");
    }
  }

  @BeforeEach
  void start() {
    standIns = new StandInsThatHang();
    Map<String, String> env = standIns.env();
    env.put("INTEGRATIONS_PUBLIC_URL", PUBLIC_URL);
    env.put("INTEGRATIONS_REQUEST_DEADLINE", "1s");
    server = TestServer.start(env);
    ann = server.token("ann");
  }

  @AfterEach
  void stop() {
    server.close();
    standIns.close();
  }

  @Test
  void a_hanging_gmail_send_is_a_504_at_the_deadline_and_is_sent_once() {
    connectGoogle("gmail");
    standIns.hanging.add(SEND);

    HttpResponse<String> sent =
        timed(() -> server.post("/api/integrations/gmail/messages", ann, MAIL));

    assertTimedOut(sent);
    assertThat(Json.parse(sent.body()).path("detail").asText())
        .isEqualTo(
            "Gmail did not answer in time: the request's deadline of 1 s ran out."
                + " It was not repeated, because Gmail may have received it.");
    assertThat(standIns.googleCallsTo(SEND)).hasSize(1);
  }

  @Test
  void a_hanging_drive_listing_is_a_504_at_the_deadline() {
    connectGoogle("google_drive");
    standIns.hanging.add(FILES);

    HttpResponse<String> listed =
        timed(() -> server.get("/api/integrations/google_drive/files", ann));

    assertTimedOut(listed);
  }

  @Test
  void a_hanging_telegram_send_is_a_504_at_the_deadline_and_is_sent_once() {
    connectTelegram();
    standIns.hanging.add("sendMessage");

    HttpResponse<String> sent =
        timed(() -> server.post("/api/integrations/telegram/messages", ann, MESSAGE));

    assertTimedOut(sent);
    assertThat(standIns.telegramCallsTo("sendMessage")).hasSize(1);
  }

  @Test
  void a_hanging_token_endpoint_during_a_refresh_is_a_504_at_the_deadline() {
    standIns.accounts.accessTokenLifetime = Duration.ofSeconds(30); // due for refresh on first use
    connectGoogle("gmail");
    standIns.accounts.refreshesHang = true;

    HttpResponse<String> sent =
        timed(() -> server.post("/api/integrations/gmail/messages", ann, MAIL));

    assertTimedOut(sent);
    assertThat(standIns.accounts.tokenCalls)
        .filteredOn(call -> call.getBody().utf8().contains("grant_type=refresh_token"))
        .hasSize(1);
    assertThat(standIns.googleCallsTo(SEND)).as("no send once the deadline ran out").isEmpty();
  }

  @Test
  void a_gmail_send_answered_503_is_not_repeated_and_says_so() {
    connectGoogle("gmail");
    standIns.googleFailure = 503;

    HttpResponse<String> sent = server.post("/api/integrations/gmail/messages", ann, MAIL);

    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(503);
    assertThat(Json.parse(sent.body()).path("code").asText()).isEqualTo("provider_unavailable");
    assertThat(standIns.googleCallsTo(SEND)).hasSize(1);
  }

  @Test
  void a_gmail_send_turned_away_with_429_is_repeated_after_its_retry_after_and_succeeds() {
    connectGoogle("gmail");
    standIns.googleTurnAways.set(1);

    HttpResponse<String> sent =
        withDeadline("10s", s -> s.post("/api/integrations/gmail/messages", s.token("ann"), MAIL));

    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    assertThat(standIns.googleCallsTo(SEND)).hasSize(2);
  }

  @Test
  void a_drive_upload_answered_503_is_not_repeated() {
    connectGoogle("google_drive");
    standIns.googleFailure = 503;

    HttpResponse<String> uploaded = upload(server);

    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(503);
    assertThat(Json.parse(uploaded.body()).path("code").asText()).isEqualTo("provider_unavailable");
    assertThat(standIns.googleCallsTo(UPLOAD)).hasSize(1);
  }

  @Test
  void a_drive_upload_turned_away_with_429_is_repeated_after_its_retry_after_and_succeeds() {
    connectGoogle("google_drive");
    standIns.googleTurnAways.set(1);

    HttpResponse<String> uploaded = withDeadline("10s", RequestDeadlineTest::upload);

    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
    assertThat(standIns.googleCallsTo(UPLOAD)).hasSize(2);
  }

  @Test
  void a_telegram_send_answered_503_is_not_repeated() {
    connectTelegram();
    standIns.telegramFailure = 503;

    HttpResponse<String> sent = server.post("/api/integrations/telegram/messages", ann, MESSAGE);

    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(503);
    assertThat(Json.parse(sent.body()).path("code").asText()).isEqualTo("provider_unavailable");
    assertThat(standIns.telegramCallsTo("sendMessage")).hasSize(1);
  }

  @Test
  void a_telegram_send_turned_away_with_429_is_repeated_after_its_retry_after_and_succeeds() {
    connectTelegram();
    standIns.telegramTurnAways.set(1);

    HttpResponse<String> sent =
        withDeadline(
            "10s", s -> s.post("/api/integrations/telegram/messages", s.token("ann"), MESSAGE));

    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    assertThat(standIns.telegramCallsTo("sendMessage")).hasSize(2);
  }

  @Test
  void a_retry_after_longer_than_the_deadline_is_answered_at_once_as_rate_limited() {
    connectGoogle("gmail");
    standIns.googleTurnAways.set(1);
    standIns.retryAfterSeconds = 30;

    HttpResponse<String> sent =
        timed(() -> server.post("/api/integrations/gmail/messages", ann, MAIL));

    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(429);
    assertThat(Json.parse(sent.body()).path("code").asText()).isEqualTo("rate_limited");
    assertThat(sent.headers().firstValue("Retry-After")).contains("30");
    assertThat(standIns.googleCallsTo(SEND)).hasSize(1);
  }

  // The server under test runs with a 1 s deadline; a retry after a 1 s Retry-After needs a longer
  // one.
  private HttpResponse<String> withDeadline(
      String deadline, java.util.function.Function<TestServer, HttpResponse<String>> call) {
    server.close();
    Map<String, String> env = standIns.env();
    env.put("INTEGRATIONS_PUBLIC_URL", PUBLIC_URL);
    env.put("INTEGRATIONS_REQUEST_DEADLINE", deadline);
    env.put("INTEGRATIONS_DATA_DIR", server.wiring.settings().dataDir().toString());
    env.put("INTEGRATIONS_DB_URL", server.dbUrl);
    env.put("INTEGRATIONS_ENCRYPTION_KEY", server.wiring.settings().encryptionKey().reveal());
    server = TestServer.start(env);
    return call.apply(server);
  }

  private static HttpResponse<String> upload(TestServer server) {
    String boundary = "----deadline-test-boundary";
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
            + "Content-Type: text/plain\r\n\r\nhello, drive\r\n--"
            + boundary
            + "--\r\n";
    return server.send(
        server
            .request("/api/integrations/google_drive/files", server.token("ann"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build());
  }

  private static HttpResponse<String> timed(Supplier<HttpResponse<String>> request) {
    long start = System.nanoTime();
    HttpResponse<String> answer = request.get();
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .as("answered within the deadline plus slack")
        .isLessThan(DEADLINE.plus(SLACK));
    return answer;
  }

  private static void assertTimedOut(HttpResponse<String> answer) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(504);
    JsonNode body = Json.parse(answer.body());
    assertThat(body.path("code").asText()).isEqualTo("provider_timeout");
    assertThat(body.path("detail").asText()).contains("deadline of 1 s");
  }

  private void connectGoogle(String type) {
    Browser browser = new Browser(server);
    HttpResponse<String> connect = browser.connect(ann, type);
    assertThat(connect.statusCode()).as(connect.body()).isEqualTo(200);
    URI back =
        ProviderStandIns.consent(URI.create(Json.parse(connect.body()).path("oauth_url").asText()));
    HttpResponse<String> callback = browser.arriveAt(back);
    assertThat(callback.headers().firstValue("Location").orElseThrow())
        .contains("status=connected");
  }

  private void connectTelegram() {
    HttpResponse<String> connect =
        server.post(
            "/api/integrations/connect",
            ann,
            "{\"integration_type\":\"telegram\",\"bot_token\":\""
                + ProviderStandIns.BOT_TOKEN
                + "\"}");
    assertThat(connect.statusCode()).as(connect.body()).isEqualTo(200);
  }

  /**
   * The shared stand-ins, plus: paths (Google) and methods (Telegram) that accept the request and
   * never answer; and a number of 429s with {@code Retry-After} to give before answering normally.
   */
  static final class StandInsThatHang extends ProviderStandIns {
    private static final MockResponse HANG =
        new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build();

    final Set<String> hanging = ConcurrentHashMap.newKeySet();
    final AtomicInteger googleTurnAways = new AtomicInteger();
    final AtomicInteger telegramTurnAways = new AtomicInteger();
    volatile int retryAfterSeconds = 1;

    StandInsThatHang() {
      super("deadline-test-client");
    }

    @Override
    protected MockResponse google(RecordedRequest request) {
      String path = request.getUrl().encodedPath();
      if (hanging.contains(path)) {
        return HANG;
      }
      if (!path.equals("/revoke") && googleTurnAways.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        return new MockResponse(
            429,
            Headers.of(
                "Content-Type",
                "application/json; charset=UTF-8",
                "Retry-After",
                String.valueOf(retryAfterSeconds)),
            "{\"error\": {\"code\": 429, \"message\": \"Rate Limit Exceeded\", \"status\": \"RESOURCE_EXHAUSTED\","
                + " \"errors\": [{\"reason\": \"rateLimitExceeded\", \"message\": \"Rate Limit Exceeded\"}]}}");
      }
      return super.google(request);
    }

    @Override
    protected MockResponse telegram(RecordedRequest request) {
      String path = request.getUrl().encodedPath();
      String method = path.substring(path.lastIndexOf('/') + 1);
      if (hanging.contains(method)) {
        return HANG;
      }
      if (method.equals("sendMessage")
          && telegramTurnAways.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        return json(
            429,
            "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after "
                + retryAfterSeconds
                + "\",\"parameters\":{\"retry_after\":"
                + retryAfterSeconds
                + "}}");
      }
      return super.telegram(request);
    }
  }
}
