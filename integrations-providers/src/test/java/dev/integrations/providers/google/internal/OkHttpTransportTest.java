package dev.integrations.providers.google.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.api.client.http.ByteArrayContent;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpResponse;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OkHttpTransportTest {
  private final MockWebServer server = new MockWebServer();
  private final OkHttpTransport transport =
      new OkHttpTransport(new OkHttpClient.Builder().readTimeout(Duration.ofMillis(300)).build());

  @BeforeEach
  void start() throws IOException {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpRequest post(String body) throws IOException {
    return transport
        .createRequestFactory()
        .buildPostRequest(
            new GenericUrl(server.url("/send").toString()),
            ByteArrayContent.fromString("application/json", body));
  }

  @Test
  void sends_method_headers_and_body_and_reads_the_answer() throws Exception {
    server.enqueue(
        new MockResponse.Builder().code(201).addHeader("X-Answer", "yes").body("created").build());
    HttpRequest request = post("{\"a\": 1}");
    request.getHeaders().set("X-Custom", "value");

    HttpResponse response = request.execute();

    assertThat(response.getStatusCode()).isEqualTo(201);
    assertThat(response.getHeaders().getFirstHeaderStringValue("X-Answer")).isEqualTo("yes");
    assertThat(response.parseAsString()).isEqualTo("created");
    RecordedRequest seen = server.takeRequest();
    assertThat(seen.getMethod()).isEqualTo("POST");
    assertThat(seen.getHeaders().get("X-Custom")).isEqualTo("value");
    assertThat(seen.getHeaders().get("Content-Type")).isEqualTo("application/json");
    assertThat(seen.getBody().string(StandardCharsets.UTF_8)).isEqualTo("{\"a\": 1}");
  }

  @Test
  void a_refused_connection_is_reported_as_not_sent() throws IOException {
    HttpRequest request = post("{}");
    server.close();

    assertThat(catchThrowable(request::execute)).isInstanceOf(RequestNotSentException.class);
  }

  @Test
  void a_timeout_after_the_request_went_out_is_not_reported_as_not_sent() throws IOException {
    server.enqueue(
        new MockResponse.Builder().body("late").headersDelay(2, TimeUnit.SECONDS).build());

    Throwable failure = catchThrowable(post("{}")::execute);

    assertThat(failure)
        .isInstanceOf(SocketTimeoutException.class)
        .isNotInstanceOf(RequestNotSentException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
