package dev.integrations.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.InvalidRequestException;
import dev.integrations.core.error.ProviderException;
import dev.integrations.core.model.FilePage;
import dev.integrations.core.model.FileQuery;
import dev.integrations.core.model.FileUpload;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.RemoteFile;
import dev.integrations.core.model.UserId;
import dev.integrations.testing.providers.ContentHost;
import dev.integrations.testing.providers.StoredFile;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OneDrive's files through the library (the real catalog entry and plug-in) against the Graph
 * stand-in.
 */
class OneDriveFilesThroughLibraryTest {
  static final IntegrationType ONEDRIVE = IntegrationType.of("onedrive");
  static final long MIB = 1024 * 1024;

  @TempDir static Path dir;
  static StandInWiring library;

  @BeforeAll
  static void start() {
    library = new StandInWiring(dir, Map.of());
  }

  @AfterAll
  static void stop() {
    library.close();
  }

  private static FileUpload text(String name, String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    return new FileUpload(
        name, "text/plain", null, bytes.length, () -> new ByteArrayInputStream(bytes));
  }

  private static List<ContentHost.Received> uploadHostCalls(int from) {
    List<ContentHost.Received> all = library.microsoft.uploadHost().received;
    return all.subList(from, all.size());
  }

  @Test
  void a_small_file_is_one_put_and_a_taken_name_gets_a_new_one() {
    UserId ann = library.connect("drive-ann", "onedrive", library.microsoft);

    RemoteFile first =
        library.actions().uploadFile(ann, ONEDRIVE, text("Bericht für März.txt", "eins"), null);
    RemoteFile second =
        library.actions().uploadFile(ann, ONEDRIVE, text("Bericht für März.txt", "zwei"), null);

    assertThat(first.name()).isEqualTo("Bericht für März.txt");
    assertThat(first.size()).isEqualTo(4);
    assertThat(first.mimeType()).isEqualTo("text/plain");
    assertThat(second.name()).isEqualTo("Bericht für März 1.txt");
    assertThat(library.microsoft.files("drive-ann"))
        .extracting(StoredFile::name)
        .containsExactly("Bericht für März.txt", "Bericht für März 1.txt");
  }

  @Test
  void a_file_goes_into_the_folder_named_by_its_parent_id() {
    UserId ivy = library.connect("drive-ivy", "onedrive", library.microsoft);

    library
        .actions()
        .uploadFile(
            ivy,
            ONEDRIVE,
            new FileUpload(
                "plan.txt",
                "text/plain",
                "01FOLDER",
                2,
                () -> new ByteArrayInputStream(new byte[2])),
            null);

    assertThat(library.microsoft.files("drive-ivy"))
        .extracting(StoredFile::parent, StoredFile::name)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("01FOLDER", "plan.txt"));
    assertThat(library.microsoft.callsTo("/v1.0/me/drive/items/01FOLDER:/plan.txt:/content"))
        .hasSize(1);
  }

  @Test
  void lists_the_root_page_by_page_and_searches() {
    UserId bob = library.connect("drive-bob", "onedrive", library.microsoft);
    library.actions().uploadFile(bob, ONEDRIVE, text("notes.txt", "n"), null);

    FilePage first = library.actions().listFiles(bob, ONEDRIVE, new FileQuery("", 1, null));
    FilePage second =
        library.actions().listFiles(bob, ONEDRIVE, new FileQuery("", 1, first.nextPageToken()));
    FilePage found = library.actions().listFiles(bob, ONEDRIVE, new FileQuery("report", 10, null));

    assertThat(first.files()).extracting(RemoteFile::name).containsExactly("report.pdf");
    assertThat(first.nextPageToken())
        .startsWith(library.microsoft.url() + "/v1.0/me/drive/root/children?");
    assertThat(second.files()).extracting(RemoteFile::name).containsExactly("notes.txt");
    assertThat(second.nextPageToken()).isNull();
    assertThat(found.files())
        .extracting(RemoteFile::name, RemoteFile::size)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("report.pdf", 2048L));
  }

  @Test
  void a_page_token_that_leaves_graph_is_refused_and_no_token_is_sent_anywhere() {
    UserId cem = library.connect("drive-cem", "onedrive", library.microsoft);
    int before = library.microsoft.calls.size();

    assertThatThrownBy(
            () ->
                library
                    .actions()
                    .listFiles(
                        cem,
                        ONEDRIVE,
                        new FileQuery(
                            "",
                            10,
                            "http://attacker.test/v1.0/me/drive/root/children?$skiptoken=1")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("page_token is not a page of this OneDrive listing.");
    assertThat(library.microsoft.calls).hasSize(before);
  }

  @Test
  void a_large_file_goes_through_an_upload_session_in_chunks_without_the_token() {
    UserId dan = library.connect("drive-dan", "onedrive", library.microsoft);
    long size = 12 * MIB + 1234;
    int before = library.microsoft.uploadHost().received.size();
    List<Long> progress = new CopyOnWriteArrayList<>();

    RemoteFile file =
        library
            .actions()
            .uploadFile(
                dan,
                ONEDRIVE,
                GeneratedContent.upload("big.bin", size),
                (sent, total) -> progress.add(sent));

    assertThat(file.size()).isEqualTo(size);
    assertThat(library.microsoft.files("drive-dan"))
        .singleElement()
        .satisfies(stored -> assertThat(stored.sha256()).isEqualTo(GeneratedContent.sha256(size)));
    assertThat(uploadHostCalls(before))
        .extracting(r -> r.header("Content-Range"))
        .containsExactly("bytes 0-10485759/" + size, "bytes 10485760-" + (size - 1) + "/" + size);
    assertThat(uploadHostCalls(before))
        .allSatisfy(r -> assertThat(r.header("Authorization")).isNull());
    assertThat(progress).containsExactly(10485760L, size);
  }

  @Test
  void a_chunk_that_failed_after_it_arrived_is_resumed_where_the_session_says() {
    UserId eve = library.connect("drive-eve", "onedrive", library.microsoft);
    long size = 12 * MIB;
    library.microsoft.failNext("chunk", 500, 1, null, true);
    int before = library.microsoft.uploadHost().received.size();

    RemoteFile file =
        library
            .actions()
            .uploadFile(eve, ONEDRIVE, GeneratedContent.upload("resumed.bin", size), null);

    assertThat(file.size()).isEqualTo(size);
    assertThat(library.microsoft.files("drive-eve"))
        .singleElement()
        .satisfies(stored -> assertThat(stored.sha256()).isEqualTo(GeneratedContent.sha256(size)));
    assertThat(uploadHostCalls(before))
        .extracting(ContentHost.Received::method, r -> r.header("Content-Range"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("PUT", "bytes 0-10485759/" + size),
            org.assertj.core.groups.Tuple.tuple("GET", null),
            org.assertj.core.groups.Tuple.tuple(
                "PUT", "bytes 10485760-" + (size - 1) + "/" + size));
  }

  @Test
  void a_failure_on_the_last_chunk_after_the_file_was_made_is_reported_and_not_repeated() {
    UserId fay = library.connect("drive-fay", "onedrive", library.microsoft);
    long size = 5 * MIB;
    library.microsoft.failNext("chunk", 503, 1, null, true);
    int before = library.microsoft.uploadHost().received.size();

    assertThatThrownBy(
            () ->
                library
                    .actions()
                    .uploadFile(fay, ONEDRIVE, GeneratedContent.upload("once.bin", size), null))
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining("the file may have been created. It was not uploaded again.")
        .extracting("code")
        .isEqualTo(ErrorCode.PROVIDER_ERROR);
    assertThat(library.microsoft.files("drive-fay")).hasSize(1);
    assertThat(uploadHostCalls(before))
        .extracting(ContentHost.Received::method)
        .containsExactly("PUT", "GET");
  }

  @Test
  void a_429_on_a_listing_is_waited_out_for_its_retry_after() {
    UserId gus = library.connect("drive-gus", "onedrive", library.microsoft);
    library.microsoft.failNext("drive", 429, 1, "1", false);

    long started = System.nanoTime();
    FilePage page = library.actions().listFiles(gus, ONEDRIVE, new FileQuery("", 10, null));

    assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(1_000_000_000L);
    assertThat(page.files()).extracting(RemoteFile::name).contains("report.pdf");
  }

  @Test
  void a_429_that_outlasts_the_retries_is_rate_limited_with_its_wait() {
    UserId hal = library.connect("drive-hal", "onedrive", library.microsoft);
    library.microsoft.failNext("drive", 429, 1, "120", false);

    assertThatThrownBy(
            () -> library.actions().listFiles(hal, ONEDRIVE, new FileQuery("", 10, null)))
        .isInstanceOf(ProviderException.class)
        .satisfies(
            e ->
                assertThat(((ProviderException) e).retryAfter())
                    .contains(java.time.Duration.ofSeconds(120)))
        .extracting("code")
        .isEqualTo(ErrorCode.RATE_LIMITED);
  }
}
