package dev.integrations.providers.microsoft.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.IntegrationException;
import dev.integrations.core.error.InvalidRequestException;
import dev.integrations.core.error.ProviderException;
import dev.integrations.providers.RetrySettings;
import dev.integrations.providers.internal.Backoff;
import dev.integrations.providers.internal.ChunkedSource;
import dev.integrations.providers.internal.ChunkedSource.Chunk;
import dev.integrations.providers.internal.ConfirmedProgress;
import dev.integrations.providers.internal.HttpCalls.Repeat;
import dev.integrations.providers.internal.HttpCalls.Reply;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;

/**
 * Sends a file's bytes to a OneDrive upload session, chunk by chunk ({@code Content-Range}, chunks
 * a multiple of 320 KiB but the last), to the session's own URL and without the token, as Graph
 * asks. A chunk is not sent again blindly: after a failure (a 5xx, a lost connection, a 416) the
 * session is asked which bytes it still expects ({@code nextExpectedRanges}) and the upload goes on
 * from there. When the failed chunk was the last and the session is gone, the file may have been
 * created: that is reported, never repeated.
 *
 * <p>Used by one upload on one thread.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/driveitem-createuploadsession">Upload large
 *     files with an upload session</a>
 */
public final class UploadSession {
  /** Graph's unit of chunk sizes. */
  public static final int UNIT = 320 * 1024;

  private static final MediaType BYTES = MediaType.get("application/octet-stream");

  private final Graph graph;
  private final HttpUrl uploadUrl;
  private final long size;
  private final RetrySettings retries;
  private final Backoff backoff;

  /** The session at {@code uploadUrl} for {@code size} bytes. */
  public UploadSession(Graph graph, HttpUrl uploadUrl, long size, RetrySettings retries) {
    this.graph = graph;
    this.uploadUrl = uploadUrl;
    this.size = size;
    this.retries = retries;
    this.backoff = new Backoff(retries);
  }

  /** Sends every byte from {@code source} and returns the created {@code driveItem}. */
  public JsonNode upload(ChunkedSource source, ConfirmedProgress progress) {
    long offset = 0;
    int failures = 0;
    while (true) {
      Chunk chunk = source.at(offset);
      int length = (int) Math.min(chunk.bytes().length, size - offset);
      if (chunk.length() < length) {
        throw new InvalidRequestException("The file to upload is shorter than its declared size.");
      }
      boolean last = offset + length == size;
      Reply reply;
      IntegrationException failure;
      try {
        reply = put(chunk, length);
        failure = reply.ok() ? null : graph.error(reply, last ? Repeat.UNSAFE : Repeat.SAFE);
      } catch (ProviderException e) {
        reply = null;
        failure = e;
      }
      if (failure == null && reply.status() != 202) {
        progress.confirmed(size);
        return graph.json(reply);
      }
      if (failure == null) {
        offset = nextExpected(graph.json(reply), offset + length);
        progress.confirmed(offset);
        failures = 0;
        continue;
      }
      if (!resumable(reply) || ++failures >= retries.maxAttempts()) {
        throw failure;
      }
      pause(failures);
      long resumed = askSession(last, failure);
      progress.confirmed(resumed);
      offset = resumed;
    }
  }

  /**
   * Whether asking the session may help: a 5xx, a 416, or no answer at all (a 429 was already
   * retried).
   */
  private static boolean resumable(Reply reply) {
    return reply == null || reply.status() >= 500 || reply.status() == 416;
  }

  private Reply put(Chunk chunk, int length) {
    Request request =
        new Request.Builder()
            .url(uploadUrl)
            .header(
                "Content-Range",
                "bytes " + chunk.offset() + "-" + (chunk.offset() + length - 1) + "/" + size)
            .put(okhttp3.RequestBody.create(chunk.bytes(), BYTES, 0, length))
            .build();
    return graph.calls().transfer(request, Repeat.UNSAFE);
  }

  /**
   * Where the session says to go on; reports a possibly completed upload rather than repeating it.
   */
  private long askSession(boolean lastChunkFailed, IntegrationException failure) {
    Reply status;
    try {
      status =
          graph.calls().transfer(new Request.Builder().url(uploadUrl).get().build(), Repeat.SAFE);
    } catch (ProviderException unreachable) {
      throw failure;
    }
    if (status.status() == 404 && lastChunkFailed) {
      throw new ProviderException(
          ErrorCode.PROVIDER_ERROR,
          graph.service()
              + " failed while receiving the end of"
              + " the file, and its upload session is gone: the file may have been created. It was not uploaded again.");
    }
    if (!status.ok()) {
      throw failure;
    }
    JsonNode ranges = graph.json(status).path("nextExpectedRanges");
    if (ranges.isEmpty()) {
      throw new ProviderException(
          ErrorCode.PROVIDER_ERROR,
          graph.service()
              + " has every byte of the file but did not"
              + " confirm it: the file may have been created. It was not uploaded again.");
    }
    return start(ranges.get(0).asText());
  }

  private long nextExpected(JsonNode answer, long fallback) {
    JsonNode ranges = answer.path("nextExpectedRanges");
    return ranges.isEmpty() ? fallback : start(ranges.get(0).asText());
  }

  private long start(String range) {
    try {
      long start =
          Long.parseLong(
              range.substring(0, range.indexOf('-') < 0 ? range.length() : range.indexOf('-')));
      if (start < 0 || start >= size) {
        throw new NumberFormatException(range);
      }
      return start;
    } catch (NumberFormatException e) {
      throw new ProviderException(
          ErrorCode.PROVIDER_ERROR,
          graph.service() + " answered an upload range it cannot have asked for (" + range + ").");
    }
  }

  private void pause(int failures) {
    Duration wait = backoff.delay(failures, null);
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderException(
          ErrorCode.PROVIDER_UNAVAILABLE, "Interrupted while resuming an upload.", e);
    }
  }
}
