package dev.integrations.providers.google;

import static dev.integrations.providers.google.GoogleTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.integrations.core.error.InvalidRequestException;
import dev.integrations.core.model.Account;
import dev.integrations.core.model.FilePage;
import dev.integrations.core.model.FileQuery;
import dev.integrations.core.model.FileUpload;
import dev.integrations.core.model.RemoteFile;
import dev.integrations.core.model.TestResult;
import dev.integrations.core.model.UploadProgress;
import dev.integrations.core.port.FilesPort;
import dev.integrations.core.port.ProviderPort;
import dev.integrations.providers.google.bench.ResumableUploadDispatcher;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DriveClientTest {
  private static final int CHUNK = 256 * 1024;

  private final MockWebServer server = new MockWebServer();
  private ProviderPort drive;

  @BeforeEach
  void start() throws IOException {
    server.start();
    drive = GoogleTestSupport.against(server).uploadChunkSize(CHUNK).build().drive();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private FilesPort files() {
    return (FilesPort) drive;
  }

  @Test
  void test_asks_about_the_user_and_reports_the_account_by_its_address_as_gmail_does()
      throws InterruptedException {
    server.enqueue(
        json(
            200,
            """
        {"user": {"kind": "drive#user", "displayName": "Ann", "emailAddress": "ann@example.com",
                  "permissionId": "0123456789", "me": true}}
        """));

    TestResult result = drive.test(GoogleTestSupport.credentials());

    RecordedRequest sent = server.takeRequest();
    assertThat(sent.getUrl().encodedPath()).isEqualTo("/drive/v3/about");
    assertThat(sent.getUrl().queryParameter("fields")).isEqualTo("user");
    assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer access-token-1");
    assertThat(result.success()).isTrue();
    assertThat(result.account()).isEqualTo(new Account("ann@example.com", "ann@example.com"));
  }

  @Test
  void list_sends_query_page_size_token_and_fields_and_maps_the_files()
      throws InterruptedException {
    server.enqueue(
        json(
            200,
            """
        {"nextPageToken": "page-2", "files": [
          {"id": "f1", "name": "report.pdf", "mimeType": "application/pdf", "size": "2048",
           "modifiedTime": "2026-01-02T03:04:05.678Z"},
          {"id": "d1", "name": "Folder", "mimeType": "application/vnd.google-apps.folder",
           "modifiedTime": "2025-12-31T23:59:59Z"}]}
        """));

    FilePage page =
        files()
            .list(
                GoogleTestSupport.credentials(),
                new FileQuery("name contains 'report'", 50, "page-1"));

    RecordedRequest sent = server.takeRequest();
    assertThat(sent.getMethod()).isEqualTo("GET");
    assertThat(sent.getUrl().encodedPath()).isEqualTo("/drive/v3/files");
    assertThat(sent.getUrl().queryParameter("q")).isEqualTo("name contains 'report'");
    assertThat(sent.getUrl().queryParameter("pageSize")).isEqualTo("50");
    assertThat(sent.getUrl().queryParameter("pageToken")).isEqualTo("page-1");
    assertThat(sent.getUrl().queryParameter("fields"))
        .isEqualTo("nextPageToken,files(id,name,mimeType,size,modifiedTime)");
    assertThat(page.nextPageToken()).isEqualTo("page-2");
    assertThat(page.files())
        .containsExactly(
            new RemoteFile(
                "f1",
                "report.pdf",
                "application/pdf",
                2048L,
                Instant.parse("2026-01-02T03:04:05.678Z")),
            new RemoteFile(
                "d1",
                "Folder",
                "application/vnd.google-apps.folder",
                null,
                Instant.parse("2025-12-31T23:59:59Z")));
  }

  @Test
  void a_file_larger_than_a_chunk_goes_up_in_chunks_byte_for_byte_with_growing_progress()
      throws Exception {
    ResumableUploadDispatcher upload = new ResumableUploadDispatcher(server, true);
    server.setDispatcher(upload);
    byte[] content = new byte[3 * CHUNK + 12_345];
    new Random(42).nextBytes(content);
    List<long[]> progress = new CopyOnWriteArrayList<>();

    RemoteFile created =
        files()
            .upload(
                GoogleTestSupport.credentials(),
                new FileUpload(
                    "data.bin",
                    "application/octet-stream",
                    "folder-7",
                    content.length,
                    () -> new ByteArrayInputStream(content)),
                (sent, total) -> progress.add(new long[] {sent, total}));

    assertThat(created.id()).isEqualTo("file-1");
    assertThat(upload.keptBytes()).isEqualTo(content);
    assertThat(upload.contentRanges())
        .containsExactly(
            "bytes 0-262143/798777",
            "bytes 262144-524287/798777",
            "bytes 524288-786431/798777",
            "bytes 786432-798776/798777");
    RecordedRequest initiation = upload.requests().get(0);
    assertThat(initiation.getMethod()).isEqualTo("POST");
    assertThat(initiation.getUrl().encodedPath()).isEqualTo("/upload/drive/v3/files");
    assertThat(initiation.getHeaders().get("Authorization")).isEqualTo("Bearer access-token-1");
    assertThat(initiation.getHeaders().get("X-Upload-Content-Length"))
        .isEqualTo(String.valueOf(content.length));
    JsonNode metadata =
        new ObjectMapper().readTree(initiation.getBody().string(StandardCharsets.UTF_8));
    assertThat(metadata.get("name").asText()).isEqualTo("data.bin");
    assertThat(metadata.get("parents").get(0).asText()).isEqualTo("folder-7");
    assertThat(progress).isNotEmpty();
    assertThat(progress).allSatisfy(p -> assertThat(p[1]).isEqualTo(content.length));
    assertThat(progress.stream().mapToLong(p -> p[0]).toArray()).isSorted().doesNotHaveDuplicates();
    assertThat(progress.get(progress.size() - 1)[0]).isEqualTo(content.length);
    assertThat(progress.stream().filter(p -> p[0] > 0 && p[0] < content.length))
        .hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void a_file_of_unknown_size_goes_up_resumably_too() throws Exception {
    ResumableUploadDispatcher upload = new ResumableUploadDispatcher(server, true);
    server.setDispatcher(upload);
    byte[] content = new byte[2 * CHUNK + 7];
    new Random(7).nextBytes(content);

    RemoteFile created =
        files()
            .upload(
                GoogleTestSupport.credentials(),
                new FileUpload(
                    "stream.bin", null, null, -1, () -> new ByteArrayInputStream(content)),
                null);

    assertThat(created.size()).isEqualTo(content.length);
    assertThat(upload.keptBytes()).isEqualTo(content);
  }

  @Test
  void a_small_file_goes_up_in_one_multipart_request() throws Exception {
    ResumableUploadDispatcher upload = new ResumableUploadDispatcher(server, true);
    server.setDispatcher(upload);
    byte[] content = "hello, drive".getBytes(StandardCharsets.UTF_8);
    List<long[]> progress = new CopyOnWriteArrayList<>();

    files()
        .upload(
            GoogleTestSupport.credentials(),
            new FileUpload(
                "hello.txt",
                "text/plain",
                null,
                content.length,
                () -> new ByteArrayInputStream(content)),
            (sent, total) -> progress.add(new long[] {sent, total}));

    assertThat(upload.requests()).hasSize(1);
    RecordedRequest sent = upload.requests().get(0);
    assertThat(sent.getUrl().queryParameter("uploadType")).isEqualTo("multipart");
    String body = sent.getBody().string(StandardCharsets.UTF_8);
    assertThat(body).contains("\"name\":\"hello.txt\"").contains("hello, drive");
    assertThat(progress.get(progress.size() - 1)).containsExactly(content.length, content.length);
  }

  @Test
  void a_source_that_fails_to_read_is_the_callers_error_and_is_not_retried() {
    ResumableUploadDispatcher upload = new ResumableUploadDispatcher(server, true);
    server.setDispatcher(upload);
    FileUpload broken =
        new FileUpload(
            "broken.bin",
            null,
            null,
            2L * CHUNK,
            () ->
                new InputStream() {
                  private int left = CHUNK / 2;

                  @Override
                  public int read() throws IOException {
                    if (left-- == 0) {
                      throw new IOException("disk gone");
                    }
                    return 1;
                  }
                });

    assertThatThrownBy(
            () -> files().upload(GoogleTestSupport.credentials(), broken, UploadProgress.NONE))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("could not be read");
    assertThat(upload.requests().stream().filter(r -> r.getMethod().equals("POST"))).hasSize(1);
  }
}
