package dev.integrations.providers.google;

import static dev.integrations.providers.google.GoogleTestSupport.googleError;
import static dev.integrations.providers.google.GoogleTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.ProviderException;
import dev.integrations.core.model.FileUpload;
import dev.integrations.core.model.RemoteFile;
import dev.integrations.core.model.UploadProgress;
import dev.integrations.core.port.FilesPort;
import dev.integrations.providers.google.bench.ResumableUploadDispatcher;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An upload that may have created the file is never sent again blindly: Google may hold the file
 * after a 500 or a timeout that came once every byte was sent, and a second upload would make a
 * second file. An upload Google turned away (429) is sent again.
 */
class DriveUploadRepeatTest {
  private static final int CHUNK = 256 * 1024;
  private static final String FILE =
      """
      {"id": "file-1", "name": "a.bin", "mimeType": "application/octet-stream", "size": "5",
       "modifiedTime": "2026-01-02T03:04:05Z"}""";

  private final MockWebServer server = new MockWebServer();
  private FilesPort drive;

  @BeforeEach
  void start() throws IOException {
    server.start();
    drive = (FilesPort) GoogleTestSupport.against(server).uploadChunkSize(CHUNK).build().drive();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private RemoteFile upload(byte[] content) {
    return drive.upload(
        GoogleTestSupport.credentials(),
        new FileUpload(
            "a.bin",
            "application/octet-stream",
            null,
            content.length,
            () -> new ByteArrayInputStream(content)),
        UploadProgress.NONE);
  }

  @Test
  void a_one_request_upload_answered_500_is_not_sent_again() {
    server.enqueue(googleError(500, "INTERNAL", "backendError", "Backend Error"));
    server.enqueue(json(200, FILE));

    assertThatThrownBy(() -> upload("hello".getBytes()))
        .isInstanceOfSatisfying(
            ProviderException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_ERROR));

    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void a_one_request_upload_whose_answer_never_comes_is_not_sent_again() {
    server.enqueue(
        new MockResponse.Builder(json(200, FILE)).headersDelay(2, TimeUnit.SECONDS).build());
    server.enqueue(json(200, FILE));

    assertThatThrownBy(() -> upload("hello".getBytes()))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_TIMEOUT));

    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void a_one_request_upload_turned_away_with_429_is_sent_again_and_succeeds() {
    server.enqueue(
        new MockResponse.Builder(
                googleError(429, "RESOURCE_EXHAUSTED", "rateLimitExceeded", "Slow down."))
            .addHeader("Retry-After", "0")
            .build());
    server.enqueue(json(200, FILE));

    RemoteFile created = upload("hello".getBytes());

    assertThat(created.id()).isEqualTo("file-1");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void a_resumable_upload_whose_last_chunk_is_answered_500_starts_no_second_upload() {
    byte[] content = new byte[2 * CHUNK + 100];
    new Random(1).nextBytes(content);
    ResumableUploadDispatcher drive = new ResumableUploadDispatcher(server, true);
    String lastChunk = "bytes " + 2 * CHUNK + "-" + (content.length - 1) + "/" + content.length;
    List<String> sent = new CopyOnWriteArrayList<>();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            sent.add(request.getMethod() + " " + request.getHeaders().get("Content-Range"));
            if (lastChunk.equals(request.getHeaders().get("Content-Range"))) {
              return googleError(500, "INTERNAL", "backendError", "Backend Error");
            }
            return drive.dispatch(request);
          }
        });

    assertThatThrownBy(() -> upload(content)).isInstanceOf(ProviderException.class);

    assertThat(sent)
        .as(
            "one session, every chunk sent once; after the 500 only a status query (bytes */total) may follow")
        .startsWith(
            "POST null",
            "PUT bytes 0-262143/" + content.length,
            "PUT bytes 262144-524287/" + content.length,
            "PUT " + lastChunk)
        .filteredOn(request -> !request.startsWith("PUT bytes */"))
        .hasSize(4);
  }
}
