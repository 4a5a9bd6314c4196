package dev.integrations.cli;

import static dev.integrations.cli.GoogleConnectTest.find;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import mockwebserver3.RecordedRequest;
import okio.ByteString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * test, disconnect, {@code gmail send|list} and {@code drive list|upload} through the real wiring,
 * on Google connections made by the loopback flow against the stand-ins.
 */
class GoogleActionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path data;
  @TempDir Path files;
  private StandIns standIns;
  private int port;

  @BeforeEach
  void start() throws Exception {
    standIns = new StandIns();
    port = Browser.freePort();
  }

  @AfterEach
  void stop() {
    standIns.close();
  }

  private CliRunner cli() {
    return standIns.runner(data).env("INTEGRATIONS_PUBLIC_URL", "http://127.0.0.1:" + port);
  }

  private void connect(String type) throws Exception {
    CliRunner.Result connected = Browser.connect(cli(), type);
    assertThat(connected.exitCode()).as(connected.err()).isZero();
  }

  @Test
  void test_passes_and_learns_the_account_then_a_401_asks_for_reauthorization() throws Exception {
    connect("gmail");

    CliRunner.Result passed = cli().run("test", "gmail");
    assertThat(passed.exitCode()).as(passed.err()).isZero();
    assertThat(passed.out()).startsWith("Gmail works: ");
    assertThat(
            find(JSON.readTree(cli().run("list", "--json").out()), "gmail")
                .get("account")
                .get("display_name")
                .asText())
        .isEqualTo(StandIns.ACCOUNT);

    standIns.googleFailure = 401;
    CliRunner.Result failed = cli().run("test", "gmail", "--json");
    assertThat(failed.exitCode()).isEqualTo(ExitCodes.REAUTHORIZATION_REQUIRED);
    JsonNode json = JSON.readTree(failed.out());
    assertThat(json.get("success").asBoolean()).isFalse();
    assertThat(json.get("integration_type").asText()).isEqualTo("gmail");
    assertThat(
            ExitCodes.of(
                dev.integrations.core.error.ErrorCode.valueOf(
                    json.get("code").asText().toUpperCase())))
        .isEqualTo(ExitCodes.REAUTHORIZATION_REQUIRED);

    CliRunner.Result human = cli().run("test", "gmail");
    assertThat(human.exitCode()).isEqualTo(ExitCodes.REAUTHORIZATION_REQUIRED);
    assertThat(human.out()).isEmpty();
    assertThat(human.err()).startsWith("error: ").endsWith(")\n");
    assertThat(human.err().lines()).hasSize(1);
  }

  @Test
  void an_action_on_rejected_credentials_exits_with_the_reauthorization_code() throws Exception {
    connect("gmail");
    standIns.googleFailure = 401;

    CliRunner.Result listed = cli().run("gmail", "list");

    assertThat(listed.exitCode()).isEqualTo(ExitCodes.REAUTHORIZATION_REQUIRED);
    assertThat(listed.out()).isEmpty();
    assertThat(listed.err().lines()).hasSize(1).first().asString().startsWith("error: ");
  }

  @Test
  void disconnect_revokes_at_google_and_forgets_the_connection() throws Exception {
    connect("google_drive");
    CliRunner.Result tested = cli().run("test", "google_drive", "--json");
    assertThat(tested.exitCode()).as(tested.err()).isZero();
    assertThat(JSON.readTree(tested.out()).get("success").asBoolean()).isTrue();

    CliRunner.Result disconnect = cli().run("disconnect", "google_drive");
    assertThat(disconnect.exitCode()).as(disconnect.err()).isZero();
    assertThat(disconnect.out()).startsWith("Disconnected Google Drive for user local. ");
    assertThat(standIns.googleCalls)
        .anySatisfy(
            r -> {
              assertThat(r.getUrl().encodedPath()).isEqualTo("/revoke");
              assertThat(r.getMethod()).isEqualTo("POST");
            });

    assertThat(
            find(JSON.readTree(cli().run("list", "--json").out()), "google_drive")
                .get("status")
                .asText())
        .isEqualTo("disconnected");
    CliRunner.Result again = cli().run("drive", "list");
    assertThat(again.exitCode()).isEqualTo(ExitCodes.NOT_CONNECTED);
    assertThat(again.err()).isEqualTo("error: Integration not connected (not_connected)\n");
  }

  @Test
  void gmail_send_sends_the_message_and_prints_its_id() throws Exception {
    connect("gmail");

    CliRunner.Result sent =
        cli().run("gmail", "send", "--to", "bob@example.com", "-s", "Hello", "-b", "Hi Bob");
    assertThat(sent.exitCode()).as(sent.err()).isZero();
    assertThat(sent.out()).isEqualTo("Sent message m-sent to bob@example.com.\n");
    RecordedRequest request = lastCallTo("/gmail/v1/users/me/messages/send");
    assertThat(request.getMethod()).isEqualTo("POST");

    CliRunner.Result json =
        cli().stdin("piped body").run("gmail", "send", "--to", "bob@example.com", "--json");
    assertThat(json.exitCode()).as(json.err()).isZero();
    assertThat(JSON.readTree(json.out()))
        .isEqualTo(JSON.readTree("{\"id\": \"m-sent\", \"thread_id\": \"t-sent\"}"));
  }

  @Test
  void gmail_list_prints_a_table_or_json() throws Exception {
    connect("gmail");

    CliRunner.Result table = cli().run("gmail", "list", "-q", "from:bob", "-n", "2");
    assertThat(table.exitCode()).as(table.err()).isZero();
    assertThat(table.out().lines().findFirst())
        .hasValueSatisfying(header -> assertThat(header).matches("DATE +FROM +SUBJECT +ID"));
    assertThat(table.out()).contains("Subject m1", "Subject m2", "Bob <bob@example.com>");
    assertThat(lastCallTo("/gmail/v1/users/me/messages").getUrl().queryParameter("q"))
        .isEqualTo("from:bob");

    CliRunner.Result json = cli().run("gmail", "list", "--json");
    JsonNode messages = JSON.readTree(json.out());
    assertThat(messages).hasSize(2);
    assertThat(messages.get(0).fieldNames())
        .toIterable()
        .containsExactly("id", "thread_id", "from", "subject", "snippet", "date");
    assertThat(messages.get(0).get("id").asText()).isEqualTo("m1");
    assertThat(messages.get(0).get("date").asText()).isEqualTo("2023-11-14T22:13:20Z");
  }

  @Test
  void drive_list_prints_a_page_and_the_next_page_token() throws Exception {
    connect("google_drive");

    CliRunner.Result table = cli().run("drive", "list");
    assertThat(table.exitCode()).as(table.err()).isZero();
    assertThat(table.out())
        .containsPattern("(?m)^ID +NAME +TYPE +SIZE +MODIFIED")
        .containsPattern("(?m)^f1 +report\\.pdf +application/pdf +2\\.0 KiB ")
        .endsWith("More files: --page-token page-2\n");

    CliRunner.Result json = cli().run("drive", "list", "--json", "--page-token", "page-2");
    JsonNode files = JSON.readTree(json.out());
    assertThat(files.isArray())
        .as("the API's answer: the files; the next page is its header")
        .isTrue();
    assertThat(files.get(0).fieldNames())
        .toIterable()
        .containsExactly("id", "name", "mime_type", "size", "modified_time");
    assertThat(files.get(0).get("size").asLong()).isEqualTo(2048);
    assertThat(json.err()).isEqualTo("More files: --page-token page-2\n");
    assertThat(lastCallTo("/drive/v3/files").getUrl().queryParameter("pageToken"))
        .isEqualTo("page-2");
  }

  @Test
  void drive_upload_streams_the_bytes_intact_without_a_progress_bar_in_a_pipe() throws Exception {
    connect("google_drive");
    byte[] content = new byte[700 * 1024];
    new Random(42).nextBytes(content);
    Path file = Files.write(files.resolve("photo.bin"), content);

    CliRunner.Result upload = cli().run("drive", "upload", file.toString());

    assertThat(upload.exitCode()).as(upload.err()).isZero();
    assertThat(upload.out()).isEqualTo("Uploaded photo.bin (700.0 KiB) as file file-1.\n");
    assertThat(upload.err()).isEmpty();
    ByteString sent = uploadedBytes();
    assertThat(sent.indexOf(ByteString.of(content)))
        .as("the file's bytes, in one piece")
        .isNotNegative();
    assertThat(sent.utf8()).contains("\"name\":\"photo.bin\"");
  }

  @Test
  void drive_upload_draws_a_progress_bar_only_for_a_person_at_a_terminal() throws Exception {
    connect("google_drive");
    Path file = Files.writeString(files.resolve("notes.txt"), "hello, drive");

    CliRunner.Result watched =
        cli().atTerminal(null).run("drive", "upload", file.toString(), "--name", "renamed.txt");
    assertThat(watched.exitCode()).as(watched.err()).isZero();
    assertThat(watched.err()).contains("\r[########################] 100%").endsWith("\n");
    assertThat(watched.out()).isEqualTo("Uploaded renamed.txt (12 B) as file file-1.\n");

    CliRunner.Result json =
        cli().atTerminal(null).run("drive", "upload", file.toString(), "--json");
    assertThat(json.exitCode()).as(json.err()).isZero();
    assertThat(json.err()).isEmpty();
    JsonNode uploaded = JSON.readTree(json.out());
    assertThat(uploaded.fieldNames())
        .toIterable()
        .containsExactly("id", "name", "mime_type", "size", "modified_time");
    assertThat(uploaded.get("name").asText()).isEqualTo("notes.txt");
  }

  private ByteString uploadedBytes() {
    return standIns.googleCalls.stream()
        .filter(r -> r.getUrl().encodedPath().equals("/upload/drive/v3/files"))
        .map(RecordedRequest::getBody)
        .reduce(
            ByteString.EMPTY, (a, b) -> ByteString.of(concat(a.toByteArray(), b.toByteArray())));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  private RecordedRequest lastCallTo(String path) {
    RecordedRequest last = null;
    for (RecordedRequest request : standIns.googleCalls) {
      if (request.getUrl().encodedPath().equals(path)) {
        last = request;
      }
    }
    assertThat(last).as("a call to " + path).isNotNull();
    return last;
  }
}
