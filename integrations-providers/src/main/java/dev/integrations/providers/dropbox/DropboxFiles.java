package dev.integrations.providers.dropbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.FilePage;
import dev.integrations.core.model.FileQuery;
import dev.integrations.core.model.FileUpload;
import dev.integrations.core.model.RemoteFile;
import dev.integrations.core.model.UploadProgress;
import dev.integrations.core.port.FilesPort;
import dev.integrations.providers.RetrySettings;
import dev.integrations.providers.catalog.ProviderSpec;
import dev.integrations.providers.dropbox.internal.DropboxApi;
import dev.integrations.providers.dropbox.internal.DropboxUpload;
import dev.integrations.providers.dropbox.internal.Entries;
import dev.integrations.providers.internal.ChunkedSource;
import dev.integrations.providers.internal.ConfirmedProgress;
import dev.integrations.providers.internal.HttpCalls.Repeat;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;

/**
 * The Dropbox adapter: the catalog entry's OAuth, test and proxy, plus files through Dropbox's API
 * v2. Listing reads the root folder ({@code files/list_folder}) or searches ({@code
 * files/search_v2}); the page token is Dropbox's cursor. Uploads go to the content host in one
 * request up to one chunk, in an upload session beyond (Dropbox takes at most 150 MiB in one
 * request; sessions are resumable), so memory holds one chunk whatever the size.
 *
 * <p>Immutable and thread-safe.
 *
 * @see <a href="https://www.dropbox.com/developers/documentation/http/documentation">Dropbox HTTP
 *     API</a>
 */
final class DropboxFiles implements FilesPort {
  /** The default chunk: 8 MiB, a multiple of the 4 MiB Dropbox asks of session appends. */
  static final int DEFAULT_CHUNK_SIZE = 8 * 1024 * 1024;

  /** The most bytes Dropbox takes in one request. */
  static final int MAX_REQUEST_BYTES = 150 * 1024 * 1024;

  private final DropboxApi api;
  private final RetrySettings retries;
  private final int chunkSize;

  DropboxFiles(ProviderSpec spec, OkHttpClient http, RetrySettings retries, int chunkSize) {
    if (chunkSize <= 0 || chunkSize > MAX_REQUEST_BYTES) {
      throw new IllegalArgumentException("a Dropbox chunk is 1 byte to 150 MiB");
    }
    this.api = new DropboxApi(spec, http, retries);
    this.retries = retries;
    this.chunkSize = chunkSize;
  }

  /**
   * One page of the root folder, or of the search results for {@code query}:
   * https://www.dropbox.com/developers/documentation/http/documentation#files-list_folder and
   * #files-search_v2
   */
  @Override
  public FilePage list(Credentials credentials, FileQuery query) {
    boolean search = !query.query().isBlank();
    boolean next = query.pageToken() != null && !query.pageToken().isBlank();
    ObjectNode arguments = DropboxApi.arguments();
    String function;
    if (next) {
      arguments.put("cursor", query.pageToken());
      function = search ? "files/search/continue_v2" : "files/list_folder/continue";
    } else if (search) {
      arguments.put("query", query.query());
      arguments.putObject("options").put("max_results", query.pageSize());
      function = "files/search_v2";
    } else {
      arguments.put("path", "").put("limit", query.pageSize());
      function = "files/list_folder";
    }
    JsonNode answer = api.rpc(function, arguments, credentials.accessToken(), Repeat.SAFE);
    List<RemoteFile> files = new ArrayList<>();
    if (search) {
      answer
          .path("matches")
          .forEach(match -> files.add(Entries.file(match.path("metadata").path("metadata"))));
    } else {
      answer.path("entries").forEach(entry -> files.add(Entries.file(entry)));
    }
    boolean more = answer.path("has_more").asBoolean(false) && answer.hasNonNull("cursor");
    return new FilePage(files, more ? answer.get("cursor").asText() : null);
  }

  /**
   * Uploads into the root folder, or the folder {@code parentId} (a path such as {@code /Reports},
   * or a folder id {@code id:…}):
   * https://www.dropbox.com/developers/documentation/http/documentation#files-upload
   */
  @Override
  public RemoteFile upload(Credentials credentials, FileUpload upload, UploadProgress progress) {
    String path = Entries.path(upload.parentId(), upload.name());
    try (ChunkedSource source = ChunkedSource.of(upload, chunkSize)) {
      JsonNode file =
          new DropboxUpload(api, credentials.accessToken(), retries)
              .upload(upload, path, source, new ConfirmedProgress(progress, upload.size()));
      return Entries.file(file);
    }
  }
}
