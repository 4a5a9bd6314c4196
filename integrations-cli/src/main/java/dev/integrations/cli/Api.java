package dev.integrations.cli;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.integrations.bootstrap.presentation.ErrorBody;
import dev.integrations.bootstrap.presentation.JsonMapping;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.IntegrationException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The HTTP API of a running server, as the CLI uses it when it acts remotely: requests carry a
 * bearer token, answers are read into the presentation records the server wrote them from, and an
 * error answer ({@code {"detail","code"}}) becomes the same {@link IntegrationException} the
 * library would have thrown locally, so that the message and the exit code are those of local mode.
 *
 * <p>One per run; thread-safe.
 */
final class Api {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);

  private final URI base;
  private final Supplier<String> token;
  private final HttpClient client;
  private final ObjectMapper mapper = new JsonMapping().mapper();

  Api(URI base, Supplier<String> token) {
    String text = base.toString();
    this.base = URI.create(text.endsWith("/") ? text : text + "/");
    this.token = token;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** The server's base URL, ending in {@code /}. */
  URI base() {
    return base;
  }

  <T> T get(String pathAndQuery, Class<T> type) {
    return read(send(request(pathAndQuery).GET(), true), mapper.constructType(type));
  }

  <E> List<E> getList(String pathAndQuery, Class<E> element) {
    return read(
        send(request(pathAndQuery).GET(), true),
        mapper.getTypeFactory().constructCollectionType(List.class, element));
  }

  /**
   * A list answer with one of its headers ({@code X-Next-Page-Token}, for instance), null when
   * absent.
   */
  record Listed<E>(List<E> items, String header) {}

  <E> Listed<E> getList(String pathAndQuery, Class<E> element, String header) {
    HttpResponse<byte[]> response = send(request(pathAndQuery).GET(), true);
    List<E> items =
        read(response, mapper.getTypeFactory().constructCollectionType(List.class, element));
    return new Listed<>(items, response.headers().firstValue(header).orElse(null));
  }

  /** POSTs {@code body} as JSON (no body when null). */
  <T> T post(String pathAndQuery, Object body, Class<T> type) {
    HttpRequest.BodyPublisher publisher;
    try {
      publisher =
          body == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body));
    } catch (IOException e) {
      throw new IllegalStateException("a request body cannot be written as JSON", e);
    }
    return read(
        send(
            request(pathAndQuery).header("Content-Type", "application/json").POST(publisher), true),
        mapper.constructType(type));
  }

  /**
   * POSTs a streamed body of {@code length} bytes with {@code contentType}, without a request
   * timeout.
   */
  <T> T postStream(
      String pathAndQuery,
      String contentType,
      long length,
      Supplier<InputStream> body,
      Class<T> type) {
    HttpRequest.BodyPublisher publisher =
        HttpRequest.BodyPublishers.fromPublisher(
            HttpRequest.BodyPublishers.ofInputStream(body), length);
    return read(
        send(request(pathAndQuery).header("Content-Type", contentType).POST(publisher), false),
        mapper.constructType(type));
  }

  /** {@code name=value}, URL-encoded, for a query string. */
  static String param(String name, String value) {
    return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(
            base.resolve(pathAndQuery.startsWith("/") ? pathAndQuery.substring(1) : pathAndQuery))
        .header("Authorization", "Bearer " + token.get())
        .header("Accept", "application/json");
  }

  private HttpResponse<byte[]> send(HttpRequest.Builder request, boolean timed) {
    if (timed) {
      request.timeout(REQUEST_TIMEOUT);
    }
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (ConnectException | HttpConnectTimeoutException e) {
      throw unreachable(e);
    } catch (IOException e) {
      throw new CliException(
          ExitCodes.FAILURE,
          "server_unreachable",
          "The server at " + base + " did not answer: " + e,
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(
          ExitCodes.FAILURE, "interrupted", "Interrupted while waiting for " + base, e);
    }
  }

  private CliException unreachable(IOException e) {
    return new CliException(
        ExitCodes.FAILURE,
        "server_unreachable",
        "Cannot reach the server at "
            + base
            + " (is 'integrations serve' running there?); set --server or INTEGRATIONS_SERVER_URL to its URL",
        e);
  }

  private <T> T read(HttpResponse<byte[]> response, JavaType type) {
    if (response.statusCode() >= 400) {
      throw failure(response);
    }
    try {
      return mapper.readValue(response.body(), type);
    } catch (IOException e) {
      throw new CliException(
          ExitCodes.FAILURE,
          "unexpected_answer",
          "The server at "
              + base
              + " answered "
              + response.statusCode()
              + " with a body this CLI cannot read"
              + " (a different version?)",
          e);
    }
  }

  private RuntimeException failure(HttpResponse<byte[]> response) {
    ErrorBody error;
    try {
      error = mapper.readValue(response.body(), ErrorBody.class);
    } catch (IOException e) {
      error = null;
    }
    if (error == null || error.code() == null) {
      return new CliException(
          ExitCodes.FAILURE,
          "unexpected_answer",
          "The server at "
              + base
              + " answered "
              + response.statusCode()
              + " (is it an integrations server?)");
    }
    String detail = error.detail();
    Optional<ErrorCode> code = ErrorCode.ofWireName(error.code());
    if (code.isPresent()) {
      return new IntegrationException(code.get(), detail);
    }
    return new CliException(ExitCodes.FAILURE, error.code(), detail);
  }
}
