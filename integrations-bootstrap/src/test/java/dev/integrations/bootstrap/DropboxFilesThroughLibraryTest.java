package dev.integrations.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.integrations.core.error.ErrorCode;
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
 * Dropbox's files through the library (the real catalog entry and plug-in) against the Dropbox
 * stand-in.
 */
class DropboxFilesThroughLibraryTest {
  static final IntegrationType DROPBOX = IntegrationType.of("dropbox");
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

  private static List<ContentHost.Received> contentCalls(int from) {
    List<ContentHost.Received> all = library.dropbox.contentHost().received;
    return all.subList(from, all.size());
  }

  @Test
  void a_small_file_is_one_upload_with_its_non_ascii_name_escaped_in_the_header() {
    UserId ann = library.connect("box-ann", "dropbox", library.dropbox);
    int before = library.dropbox.contentHost().received.size();

    RemoteFile first =
        library.actions().uploadFile(ann, DROPBOX, text("Ünïcødé 🚀.txt", "hello"), null);
    RemoteFile second =
        library.actions().uploadFile(ann, DROPBOX, text("Ünïcødé 🚀.txt", "again"), null);

    assertThat(first.name()).isEqualTo("Ünïcødé 🚀.txt");
    assertThat(first.size()).isEqualTo(5);
    assertThat(second.name()).isEqualTo("Ünïcødé 🚀 (1).txt");
    ContentHost.Received upload = contentCalls(before).get(0);
    assertThat(upload.path()).isEqualTo("/2/files/upload");
    assertThat(upload.header("Dropbox-API-Arg"))
        .contains("\"path\":\"/\\u00DCn\\u00EFc\\u00F8d\\u00E9 \\uD83D\\uDE80.txt\"")
        .contains("\"mode\":\"add\"", "\"autorename\":true");
    assertThat(upload.header("Content-Type")).isEqualTo("application/octet-stream");
  }

  @Test
  void a_file_goes_into_the_folder_named_by_its_parent_path() {
    UserId ivy = library.connect("box-ivy", "dropbox", library.dropbox);

    library
        .actions()
        .uploadFile(
            ivy,
            DROPBOX,
            new FileUpload(
                "plan.txt",
                "text/plain",
                "/Reports",
                2,
                () -> new ByteArrayInputStream(new byte[2])),
            null);

    assertThat(library.dropbox.files("box-ivy"))
        .extracting(StoredFile::parent, StoredFile::name)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("/Reports", "plan.txt"));
  }

  @Test
  void lists_the_root_page_by_page_and_searches() {
    UserId bob = library.connect("box-bob", "dropbox", library.dropbox);
    library.actions().uploadFile(bob, DROPBOX, text("notes.txt", "n"), null);

    FilePage first = library.actions().listFiles(bob, DROPBOX, new FileQuery("", 1, null));
    FilePage second =
        library.actions().listFiles(bob, DROPBOX, new FileQuery("", 1, first.nextPageToken()));
    FilePage found = library.actions().listFiles(bob, DROPBOX, new FileQuery("NOTES", 10, null));

    assertThat(first.files()).extracting(RemoteFile::name).containsExactly("report.pdf");
    assertThat(first.nextPageToken()).isNotNull();
    assertThat(second.files()).extracting(RemoteFile::name).containsExactly("notes.txt");
    assertThat(second.nextPageToken()).isNull();
    assertThat(found.files())
        .extracting(RemoteFile::name, RemoteFile::size)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("notes.txt", 1L));
  }

  @Test
  void a_large_file_goes_through_an_upload_session_and_is_committed_once() {
    UserId cem = library.connect("box-cem", "dropbox", library.dropbox);
    long size = 20 * MIB + 5;
    int before = library.dropbox.contentHost().received.size();
    List<Long> progress = new CopyOnWriteArrayList<>();

    RemoteFile file =
        library
            .actions()
            .uploadFile(
                cem,
                DROPBOX,
                GeneratedContent.upload("big.bin", size),
                (sent, total) -> progress.add(sent));

    assertThat(file.size()).isEqualTo(size);
    assertThat(library.dropbox.files("box-cem"))
        .singleElement()
        .satisfies(stored -> assertThat(stored.sha256()).isEqualTo(GeneratedContent.sha256(size)));
    assertThat(contentCalls(before))
        .extracting(ContentHost.Received::path, ContentHost.Received::bodyLength)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("/2/files/upload_session/start", 8 * MIB),
            org.assertj.core.groups.Tuple.tuple("/2/files/upload_session/append_v2", 8 * MIB),
            org.assertj.core.groups.Tuple.tuple("/2/files/upload_session/append_v2", 4 * MIB + 5),
            org.assertj.core.groups.Tuple.tuple("/2/files/upload_session/finish", 0L));
    assertThat(progress).containsExactly(8 * MIB, 16 * MIB, size);
  }

  @Test
  void an_append_that_failed_after_it_arrived_is_resumed_from_dropboxs_offset() {
    UserId dan = library.connect("box-dan", "dropbox", library.dropbox);
    long size = 20 * MIB;
    library.dropbox.failNext("append", 500, 1, null, true);
    int before = library.dropbox.contentHost().received.size();

    RemoteFile file =
        library
            .actions()
            .uploadFile(dan, DROPBOX, GeneratedContent.upload("resumed.bin", size), null);

    assertThat(file.size()).isEqualTo(size);
    assertThat(library.dropbox.files("box-dan"))
        .singleElement()
        .satisfies(stored -> assertThat(stored.sha256()).isEqualTo(GeneratedContent.sha256(size)));
    assertThat(contentCalls(before))
        .extracting(ContentHost.Received::path)
        .containsExactly(
            "/2/files/upload_session/start",
            "/2/files/upload_session/append_v2", // stored, then answered 500
            "/2/files/upload_session/append_v2", // the same offset again: 409 incorrect_offset,
            // correct_offset
            "/2/files/upload_session/append_v2", // the next chunk, from Dropbox's offset
            "/2/files/upload_session/finish");
  }

  @Test
  void a_5xx_on_the_commit_after_the_file_was_made_is_reported_and_not_repeated() {
    UserId eve = library.connect("box-eve", "dropbox", library.dropbox);
    library.dropbox.failNext("finish", 503, 1, null, true);
    int before = library.dropbox.contentHost().received.size();

    assertThatThrownBy(
            () ->
                library
                    .actions()
                    .uploadFile(eve, DROPBOX, GeneratedContent.upload("once.bin", 9 * MIB), null))
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining("It was not repeated")
        .extracting("code")
        .isEqualTo(ErrorCode.PROVIDER_ERROR);
    assertThat(library.dropbox.files("box-eve"))
        .extracting(StoredFile::name)
        .containsExactly("once.bin");
    assertThat(contentCalls(before)).filteredOn(r -> r.path().endsWith("/finish")).hasSize(1);
  }

  @Test
  void a_5xx_on_a_single_upload_is_not_repeated() {
    UserId fay = library.connect("box-fay", "dropbox", library.dropbox);
    library.dropbox.failNext("upload", 500, 1, null, true);
    int before = library.dropbox.contentHost().received.size();

    assertThatThrownBy(
            () -> library.actions().uploadFile(fay, DROPBOX, text("once.txt", "x"), null))
        .isInstanceOf(ProviderException.class)
        .extracting("code")
        .isEqualTo(ErrorCode.PROVIDER_ERROR);
    assertThat(contentCalls(before)).hasSize(1);
    assertThat(library.dropbox.files("box-fay")).hasSize(1);
  }

  @Test
  void a_429_is_waited_out_for_its_retry_after_and_the_file_uploaded_once() {
    UserId gus = library.connect("box-gus", "dropbox", library.dropbox);
    library.dropbox.failNext("upload", 429, 1, "1", false);

    long started = System.nanoTime();
    library.actions().uploadFile(gus, DROPBOX, text("later.txt", "x"), null);

    assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(1_000_000_000L);
    assertThat(library.dropbox.files("box-gus"))
        .extracting(StoredFile::name)
        .containsExactly("later.txt");
  }

  @Test
  void an_expired_token_is_refreshed_and_the_listing_made_again() {
    UserId hal = library.connect("box-hal", "dropbox", library.dropbox);
    library.dropbox.expireAccessTokens();

    FilePage page = library.actions().listFiles(hal, DROPBOX, new FileQuery("", 10, null));

    assertThat(page.files()).extracting(RemoteFile::name).containsExactly("report.pdf");
  }
}
