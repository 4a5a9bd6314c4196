package dev.integrations.providers.microsoft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.InvalidRequestException;
import dev.integrations.core.error.ProviderException;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.FilePage;
import dev.integrations.core.model.FileQuery;
import dev.integrations.core.model.FileUpload;
import dev.integrations.core.model.RemoteFile;
import dev.integrations.core.model.UploadProgress;
import dev.integrations.core.port.FilesPort;
import dev.integrations.providers.RetrySettings;
import dev.integrations.providers.catalog.ProviderSpec;
import dev.integrations.providers.internal.ChunkedSource;
import dev.integrations.providers.internal.ChunkedSource.Chunk;
import dev.integrations.providers.internal.ConfirmedProgress;
import dev.integrations.providers.internal.HttpCalls.Repeat;
import dev.integrations.providers.microsoft.internal.DriveItems;
import dev.integrations.providers.microsoft.internal.Graph;
import dev.integrations.providers.microsoft.internal.UploadSession;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;

/**
 * The OneDrive adapter: the catalog entry's OAuth, test and proxy, plus files through Microsoft
 * Graph. A file of at most {@value #SIMPLE_UPLOAD_LIMIT} bytes (Graph's limit for one request) goes
 * in one {@code PUT …/content}; a larger one through an upload session, in chunks of {@code
 * chunkSize} bytes, resumed from where the session says after a failed chunk. Memory holds one
 * chunk whatever the size. An upload never overwrites: a name already taken gets a new one ({@code
 * conflictBehavior=rename}), so an upload that may have happened is never repeated.
 *
 * <p>Immutable and thread-safe.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/resources/onedrive">OneDrive API</a>
 */
final class OneDriveFiles implements FilesPort {
  /** The largest file sent in one request: Graph's limit for a simple upload, 4 MiB. */
  static final int SIMPLE_UPLOAD_LIMIT = 4 * 1024 * 1024;

  /** The default chunk of an upload session: 10 MiB, a multiple of 320 KiB as Graph requires. */
  static final int DEFAULT_CHUNK_SIZE = 32 * UploadSession.UNIT;

  private static final MediaType BYTES = MediaType.get("application/octet-stream");

  private final Graph graph;
  private final RetrySettings retries;
  private final int chunkSize;

  OneDriveFiles(ProviderSpec spec, OkHttpClient http, RetrySettings retries, int chunkSize) {
    if (chunkSize <= 0 || chunkSize % UploadSession.UNIT != 0) {
      throw new IllegalArgumentException("a OneDrive chunk is a positive multiple of 320 KiB");
    }
    this.graph = new Graph(spec, http, retries);
    this.retries = retries;
    this.chunkSize = chunkSize;
  }

  /**
   * The root folder's children, or the items matching {@code query} (OneDrive's search, over names
   * and contents); the next page's token is Graph's {@code @odata.nextLink}:
   * https://learn.microsoft.com/graph/api/driveitem-list-children
   */
  @Override
  public FilePage list(Credentials credentials, FileQuery query) {
    HttpUrl page;
    if (query.pageToken() != null && !query.pageToken().isBlank()) {
      page = graph.nextLink(query.pageToken());
    } else {
      HttpUrl.Builder url =
          query.query().isBlank()
              ? graph.url("me", "drive", "root", "children")
              : graph.url(
                  "me", "drive", "root", "search(q='" + query.query().replace("'", "''") + "')");
      page =
          url.addQueryParameter("$top", String.valueOf(query.pageSize()))
              .addQueryParameter("$select", DriveItems.FIELDS)
              .build();
    }
    JsonNode answer = graph.get(page, credentials.accessToken());
    List<RemoteFile> files = new ArrayList<>();
    answer.path("value").forEach(item -> files.add(DriveItems.file(item)));
    JsonNode next = answer.get("@odata.nextLink");
    return new FilePage(files, next == null || next.isNull() ? null : next.asText());
  }

  /**
   * Uploads into the root folder, or the folder whose item id is {@code parentId}:
   * https://learn.microsoft.com/graph/api/driveitem-put-content and
   * https://learn.microsoft.com/graph/api/driveitem-createuploadsession
   */
  @Override
  public RemoteFile upload(Credentials credentials, FileUpload upload, UploadProgress progress) {
    String name = DriveItems.requireName(upload.name());
    ConfirmedProgress confirmed = new ConfirmedProgress(progress, upload.size());
    try (ChunkedSource source = ChunkedSource.of(upload, chunkSize)) {
      Chunk first = source.at(0);
      boolean fits =
          upload.size() >= 0
              ? upload.size() <= SIMPLE_UPLOAD_LIMIT
              : first.length() <= SIMPLE_UPLOAD_LIMIT;
      if (fits) {
        return simple(credentials, upload, name, first, confirmed);
      }
      if (upload.size() < 0) {
        throw new InvalidRequestException(
            "OneDrive needs the size of a file over 4 MiB before it is uploaded.");
      }
      HttpUrl create = item(upload.parentId(), name, "createUploadSession").build();
      JsonNode session =
          graph.json(
              graph.send(
                  "POST",
                  create,
                  credentials.accessToken(),
                  RequestBody.create(sessionRequest(name), Graph.JSON),
                  Repeat.SAFE));
      HttpUrl uploadUrl = HttpUrl.parse(session.path("uploadUrl").asText(""));
      if (uploadUrl == null) {
        throw new ProviderException(
            ErrorCode.PROVIDER_ERROR,
            graph.service() + " opened an upload session without its URL.");
      }
      JsonNode item =
          new UploadSession(graph, uploadUrl, upload.size(), retries).upload(source, confirmed);
      return DriveItems.file(item);
    }
  }

  private RemoteFile simple(
      Credentials credentials,
      FileUpload upload,
      String name,
      Chunk content,
      ConfirmedProgress progress) {
    int length =
        upload.size() >= 0 ? (int) Math.min(upload.size(), content.length()) : content.length();
    if (length < upload.size()) {
      throw new InvalidRequestException("The file to upload is shorter than its declared size.");
    }
    HttpUrl url =
        item(upload.parentId(), name, "content")
            .addQueryParameter("@microsoft.graph.conflictBehavior", "rename")
            .build();
    MediaType type = upload.mimeType() == null ? BYTES : MediaType.parse(upload.mimeType());
    RequestBody body = RequestBody.create(content.bytes(), type == null ? BYTES : type, 0, length);
    JsonNode item =
        graph.json(graph.send("PUT", url, credentials.accessToken(), body, Repeat.UNSAFE));
    progress.confirmed(length);
    return DriveItems.file(item);
  }

  /** {@code /me/drive/root:/{name}:/{action}}, or below the folder {@code parentId}. */
  private HttpUrl.Builder item(String parentId, String name, String action) {
    HttpUrl.Builder url =
        parentId == null || parentId.isBlank()
            ? graph.url("me", "drive", "root:")
            : graph.url("me", "drive", "items", parentId.strip() + ":");
    return url.addPathSegment(name + ":").addPathSegment(action);
  }

  private static byte[] sessionRequest(String name) {
    ObjectNode item = JsonNodeFactory.instance.objectNode();
    item.putObject("item").put("@microsoft.graph.conflictBehavior", "rename").put("name", name);
    return item.toString().getBytes(StandardCharsets.UTF_8);
  }
}
