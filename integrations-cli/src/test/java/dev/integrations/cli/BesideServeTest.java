package dev.integrations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new user's two terminals: {@code integrations serve} runs as its own process on the default
 * embedded database, and every other command, run in the same directory, works beside it: it finds
 * the server by the file serve left in the data directory and acts through its API (opening the H2
 * file the server holds would fail). When serve has stopped, the same commands act on the database
 * again and see what was done through the server.
 */
class BesideServeTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path data;
  @TempDir Path files;
  private StandIns standIns;
  private int port;
  private Process serve;

  @BeforeEach
  void start() throws Exception {
    standIns = new StandIns();
    port = Browser.freePort();
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "serve");
    cli().environment().forEach(builder.environment()::put);
    builder.redirectError(data.resolve("serve.err").toFile());
    serve = builder.start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
    String line = CompletableFuture.supplyAsync(() -> readLine(out)).get(60, TimeUnit.SECONDS);
    assertThat(line).as("serve's first line").contains("Press Ctrl-C to stop.");
  }

  @AfterEach
  void stop() {
    serve.destroyForcibly();
    standIns.close();
  }

  private CliRunner cli() {
    return standIns
        .runner(data)
        .env("INTEGRATIONS_PORT", String.valueOf(port))
        .env("INTEGRATIONS_PUBLIC_URL", "http://127.0.0.1:" + port);
  }

  @Test
  void every_command_works_beside_serve_on_the_default_database() throws Exception {
    Path file = data.resolve(ServerFile.NAME);
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(ServerFile.read(data))
        .hasValueSatisfying(
            entry -> {
              assertThat(entry.url()).isEqualTo(URI.create("http://127.0.0.1:" + port + "/"));
              assertThat(entry.pid()).isEqualTo(serve.pid());
            });

    CliRunner.Result list = cli().run("list");
    assertThat(list.exitCode()).as(list.err()).isZero();
    assertThat(list.out()).containsPattern("(?m)^gmail +Gmail +disconnected");

    CliRunner.Result bot = cli().run("connect", "telegram", "--bot-token", StandIns.BOT_TOKEN);
    assertThat(bot.exitCode()).as(bot.err()).isZero();
    assertThat(bot.out()).isEqualTo("Telegram connected for user local as @alerts_bot.\n");
    CliRunner.Result prompted =
        cli().atTerminal(StandIns.BOT_TOKEN).run("connect", "telegram", "-u", "ann");
    assertThat(prompted.exitCode()).as(prompted.err()).isZero();
    assertThat(cli().run("test", "telegram").out()).startsWith("Telegram works: ");
    CliRunner.Result sent = cli().run("telegram", "send", "-c", "42", "-t", "hello");
    assertThat(sent.exitCode()).as(sent.err()).isZero();
    assertThat(sent.out()).startsWith("Sent message ").endsWith(" to chat 42.\n");

    CliRunner.Result gmail = connectByPasting("gmail");
    assertThat(gmail.exitCode()).as(gmail.err()).isZero();
    assertThat(gmail.out()).isEqualTo("Gmail connected for user local.\n");
    CliRunner.Result drive = connectByPasting("google_drive");
    assertThat(drive.exitCode()).as(drive.err()).isZero();

    assertThat(cli().run("test", "gmail").out()).startsWith("Gmail works: ");
    CliRunner.Result mail =
        cli().run("gmail", "send", "--to", "bob@example.com", "-s", "Hi", "-b", "Hello Bob");
    assertThat(mail.out()).isEqualTo("Sent message m-sent to bob@example.com.\n");
    assertThat(cli().run("gmail", "list", "-n", "2").out()).contains("Subject m1", "Subject m2");
    CliRunner.Result listed = cli().run("drive", "list");
    assertThat(listed.exitCode()).as(listed.err()).isZero();
    assertThat(listed.out()).containsPattern("(?m)^f1 +report\\.pdf +application/pdf +2\\.0 KiB ");
    Path report = Files.writeString(files.resolve("notes.txt"), "x".repeat(100_000));
    CliRunner.Result uploaded = cli().run("drive", "upload", report.toString());
    assertThat(uploaded.exitCode()).as(uploaded.err()).isZero();
    assertThat(uploaded.out()).startsWith("Uploaded ").contains("(97.7 KiB) as file ");
    assertThat(standIns.googleCallsTo("/upload/drive/v3/files")).isNotEmpty();
    assertThat(cli().run("token").exitCode()).isZero();

    CliRunner.Result disconnected = cli().run("disconnect", "gmail");
    assertThat(disconnected.exitCode()).as(disconnected.err()).isZero();
    assertThat(disconnected.out()).startsWith("Disconnected Gmail for user local. ");

    serve.destroy();
    assertThat(serve.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(file).as("removed by serve when it stopped").doesNotExist();
    JsonNode after = JSON.readTree(cli().run("list", "--json").out());
    assertThat(status(after, "telegram")).isEqualTo("connected");
    assertThat(status(after, "google_drive")).isEqualTo("connected");
    assertThat(status(after, "gmail")).isEqualTo("disconnected");
  }

  @Test
  void failures_exit_as_on_the_database_and_an_upload_shows_its_progress() throws Exception {
    CliRunner.Result notConnected = cli().run("test", "gmail");
    assertThat(notConnected.exitCode()).isEqualTo(ExitCodes.NOT_CONNECTED);
    assertThat(notConnected.err()).isEqualTo("error: Integration not connected (not_connected)\n");

    CliRunner.Result unknown = cli().run("disconnect", "gmial");
    assertThat(unknown.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(unknown.err()).startsWith("error: Invalid integration type 'gmial'; choose one of ");

    assertThat(connectByPasting("google_drive").exitCode()).isZero();
    Path big = Files.write(files.resolve("big.bin"), new byte[3 * 1024 * 1024]);
    CliRunner.Result uploaded = cli().atTerminal(null).run("drive", "upload", big.toString());
    assertThat(uploaded.exitCode()).as(uploaded.err()).isZero();
    assertThat(uploaded.err())
        .as("the progress bar, at a terminal")
        .contains("3.0 MiB")
        .contains("100%");
  }

  @Test
  void status_works_beside_serve_and_commands_on_the_database_say_why_they_cannot()
      throws Exception {
    assertThat(cli().run("connect", "telegram", "--bot-token", StandIns.BOT_TOKEN).exitCode())
        .isZero();
    assertThat(cli().run("test", "telegram").exitCode()).isZero();

    CliRunner.Result status = cli().run("status", "telegram");
    assertThat(status.exitCode()).as(status.err()).isZero();
    assertThat(status.out())
        .startsWith("Telegram (telegram): connected as @alerts_bot\nHealth: healthy\n")
        .contains("Calls in the last 24 hours: 1\n")
        .containsPattern("(?m)^test +1 +0 ");
    ObjectNode expected = (ObjectNode) entry(JSON.readTree(get("/api/integrations")), "telegram");
    expected.set("usage", JSON.readTree(get("/api/integrations/telegram/usage")));
    CliRunner.Result json = cli().run("status", "telegram", "--json");
    assertThat(json.exitCode()).as(json.err()).isZero();
    assertThat(JSON.readTree(json.out())).isEqualTo(expected);

    String held =
        "error: 'integrations %s' works on the database, and the server running at http://127.0.0.1:"
            + port
            + "/ holds its embedded H2 file (one process at a time): stop that 'serve' first";
    List<String[]> onTheDatabase =
        List.of(
            new String[] {"keys status"},
            new String[] {"keys rotate"},
            new String[] {"db copy", "--to", "jdbc:h2:file:" + files.resolve("copy")},
            new String[] {"export", "--out", files.resolve("backup.jsonl").toString()},
            new String[] {"import", "--in", files.resolve("backup.jsonl").toString()},
            new String[] {"users purge", "local"},
            new String[] {"webhooks list"},
            new String[] {"webhooks replay", "msg_1"});
    for (String[] line : onTheDatabase) {
      String command = line[0];
      List<String> args = new ArrayList<>(List.of(command.split(" ")));
      args.addAll(Arrays.asList(line).subList(1, line.length));
      CliRunner.Result refused = cli().run(args.toArray(String[]::new));
      assertThat(refused.exitCode()).as(command).isEqualTo(ExitCodes.USAGE);
      assertThat(refused.err()).isEqualTo(held.formatted(command) + " (local_only)\n");
      assertThat(refused.out()).isEmpty();
    }
    CliRunner.Result mcp = cli().run("mcp", "--user", "local");
    assertThat(mcp.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(mcp.err())
        .isEqualTo(
            held.formatted("mcp")
                + "; point the assistant at that server's MCP endpoint, "
                + "http://127.0.0.1:"
                + port
                + "/mcp, with a bearer token (see docs/mcp.md) (local_only)\n");
    assertThat(files.resolve("backup.jsonl")).doesNotExist();
    assertThat(cli().run("list").out())
        .as("nothing was purged")
        .containsPattern("(?m)^telegram +Telegram +connected ");
  }

  private String get(String path) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Bearer " + ServerProcess.token("local"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  private static JsonNode entry(JsonNode list, String type) {
    for (JsonNode entry : list) {
      if (entry.get("type").asText().equals(type)) {
        return entry;
      }
    }
    throw new AssertionError("no " + type + " in " + list);
  }

  /**
   * {@code connect TYPE} through the server: the browser consents and lands on the integrations
   * page with a one-time handle; the person pastes that address into the waiting command.
   */
  private CliRunner.Result connectByPasting(String type) throws Exception {
    PipedOutputStream typing = new PipedOutputStream();
    PipedInputStream stdin = new PipedInputStream(typing);
    StringWriter err = new StringWriter();
    CompletableFuture<CliRunner.Result> running =
        CompletableFuture.supplyAsync(
            () -> cli().stdin(stdin).run(new StringWriter(), err, "connect", type));
    HttpResponse<String> callback = new Browser().consent(Browser.awaitConsentUrl(err));
    String landedOn = callback.headers().firstValue("Location").orElseThrow();
    assertThat(landedOn).contains("status=pending").contains("handle=");
    typing.write((landedOn + "\n").getBytes(StandardCharsets.UTF_8));
    typing.flush();
    try {
      return running.get(60, TimeUnit.SECONDS);
    } finally {
      typing.close();
    }
  }

  private static String status(JsonNode list, String type) {
    for (JsonNode entry : list) {
      if (entry.get("type").asText().equals(type)) {
        return entry.get("status").asText();
      }
    }
    throw new AssertionError("no " + type + " in " + list);
  }

  private static String readLine(BufferedReader reader) {
    try {
      return reader.readLine();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
