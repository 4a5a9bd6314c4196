package dev.integrations.providers.dropbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.IntegrationException;
import dev.integrations.core.error.InvalidRequestException;
import dev.integrations.core.error.ProviderException;
import dev.integrations.core.model.FileUpload;
import dev.integrations.core.model.Secret;
import dev.integrations.providers.RetrySettings;
import dev.integrations.providers.internal.ChunkedSource;
import dev.integrations.providers.internal.ChunkedSource.Chunk;
import dev.integrations.providers.internal.ConfirmedProgress;
import dev.integrations.providers.internal.HttpCalls.Repeat;
import dev.integrations.providers.internal.HttpCalls.Reply;
import okhttp3.RequestBody;

/**
 * One upload to Dropbox: a file of at most one chunk in one {@code files/upload}; a larger one (or
 * one of unknown size) in an upload session: {@code start} with the first chunk, {@code append_v2}
 * with each next one at its offset, then {@code finish} with no bytes, which commits the file. An
 * append is repeated after a 5xx or a lost connection; when it had in fact arrived, Dropbox answers
 * {@code incorrect_offset} with the offset it has, and the upload goes on from there. The commit
 * (and a single upload) is never repeated once Dropbox may have acted on it. Files are added, never
 * overwritten: a name already taken gets a new one ({@code autorename}).
 *
 * <p>Used by one upload on one thread.
 *
 * @see <a
 *     href="https://www.dropbox.com/developers/documentation/http/documentation#files-upload_session-start">upload
 *     sessions</a>
 */
public final class DropboxUpload {
  private final DropboxApi api;
  private final Secret token;
  private final RetrySettings retries;

  /** An upload with {@code token}, resumed at most {@code retries.maxAttempts()} times in a row. */
  public DropboxUpload(DropboxApi api, Secret token, RetrySettings retries) {
    this.api = api;
    this.token = token;
    this.retries = retries;
  }

  /**
   * Uploads {@code upload} to {@code path}, reading it through {@code source}; the created file's
   * metadata.
   */
  public JsonNode upload(
      FileUpload upload, String path, ChunkedSource source, ConfirmedProgress progress) {
    Chunk first = source.at(0);
    boolean single =
        upload.size() >= 0
            ? upload.size() <= first.bytes().length
            : first.length() < first.bytes().length;
    if (single) {
      int length = upload.size() >= 0 ? (int) upload.size() : first.length();
      requireLength(first, length);
      ObjectNode arguments = commit(path);
      Reply reply =
          api.upload(
              "files/upload",
              arguments,
              token,
              first.body(DropboxApi.BYTES, length),
              Repeat.UNSAFE);
      JsonNode file = api.json(api.ok(reply, Repeat.UNSAFE));
      progress.confirmed(length);
      return file;
    }
    int length = first.length();
    ObjectNode start = DropboxApi.arguments().put("close", false);
    Reply started =
        api.upload(
            "files/upload_session/start",
            start,
            token,
            first.body(DropboxApi.BYTES, length),
            Repeat.SAFE);
    String session = api.json(api.ok(started, Repeat.SAFE)).path("session_id").asText("");
    if (session.isEmpty()) {
      throw new ProviderException(
          ErrorCode.PROVIDER_ERROR, api.service() + " opened an upload session without its id.");
    }
    long offset = length;
    progress.confirmed(offset);
    int resumed = 0;
    while (upload.size() < 0 || offset < upload.size()) {
      Chunk chunk = source.at(offset);
      int next =
          upload.size() >= 0
              ? (int) Math.min(chunk.bytes().length, upload.size() - offset)
              : chunk.length();
      requireLength(chunk, next);
      if (next == 0) {
        break;
      }
      ObjectNode append = DropboxApi.arguments().put("close", false);
      append.putObject("cursor").put("session_id", session).put("offset", offset);
      Reply reply =
          api.upload(
              "files/upload_session/append_v2",
              append,
              token,
              chunk.body(DropboxApi.BYTES, next),
              Repeat.SAFE);
      if (reply.ok()) {
        offset += next;
        resumed = 0;
      } else {
        offset = correctOffset(reply, upload.size(), ++resumed);
      }
      progress.confirmed(offset);
    }
    ObjectNode finish = DropboxApi.arguments();
    finish.putObject("cursor").put("session_id", session).put("offset", offset);
    finish.set("commit", commit(path));
    Reply done =
        api.upload(
            "files/upload_session/finish",
            finish,
            token,
            RequestBody.create(new byte[0], DropboxApi.BYTES),
            Repeat.UNSAFE);
    return api.json(api.ok(done, Repeat.UNSAFE));
  }

  /** Where Dropbox says the session is, after it refused an append as {@code incorrect_offset}. */
  private long correctOffset(Reply reply, long size, int resumed) {
    JsonNode error = DropboxApi.errorOf(reply).path("error");
    JsonNode correct = error.path("correct_offset");
    IntegrationException failure = api.error(reply, Repeat.SAFE);
    if (!error.path(".tag").asText().equals("incorrect_offset")
        || !correct.isNumber()
        || correct.asLong() < 0
        || (size >= 0 && correct.asLong() > size)
        || resumed > retries.maxAttempts()) {
      throw failure;
    }
    return correct.asLong();
  }

  private static ObjectNode commit(String path) {
    return DropboxApi.arguments()
        .put("path", path)
        .put("mode", "add")
        .put("autorename", true)
        .put("mute", false);
  }

  private static void requireLength(Chunk chunk, int length) {
    if (chunk.length() < length) {
      throw new InvalidRequestException("The file to upload is shorter than its declared size.");
    }
  }
}
