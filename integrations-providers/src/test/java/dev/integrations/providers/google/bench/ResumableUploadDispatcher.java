package dev.integrations.providers.google.bench;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * Drive's upload endpoint as a MockWebServer dispatcher: a resumable session (initiation POST,
 * chunk PUTs answered 308 with {@code Range}, 200 with the file at the end) and multipart uploads.
 * Keeps the received bytes when asked to, otherwise only counts them.
 *
 * @see <a href="https://developers.google.com/drive/api/guides/manage-uploads#resumable">Resumable
 *     upload</a>
 */
public final class ResumableUploadDispatcher extends Dispatcher {
  private static final Pattern RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
  private static final Pattern EMPTY_FINAL = Pattern.compile("bytes \\*/(\\d+)");

  private final MockWebServer server;
  private final ByteArrayOutputStream kept;
  private final AtomicLong received = new AtomicLong();
  private final List<String> contentRanges = new CopyOnWriteArrayList<>();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

  /**
   * @param keepBytes whether to keep what arrives (tests) or only count it (the heap benchmark)
   */
  public ResumableUploadDispatcher(MockWebServer server, boolean keepBytes) {
    this.server = server;
    this.kept = keepBytes ? new ByteArrayOutputStream() : null;
    if (!keepBytes) {
      server.setBodyLimit(0);
    }
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    requests.add(request);
    String uploadType = request.getUrl().queryParameter("uploadType");
    if ("POST".equals(request.getMethod()) && "resumable".equals(uploadType)) {
      return new MockResponse.Builder()
          .code(200)
          .addHeader(
              "Location",
              server.url("/upload/drive/v3/files?uploadType=resumable&upload_id=session-1"))
          .build();
    }
    if ("POST".equals(request.getMethod()) && "multipart".equals(uploadType)) {
      return file(request.getBodySize());
    }
    if ("PUT".equals(request.getMethod())) {
      return chunk(request);
    }
    return new MockResponse.Builder().code(404).build();
  }

  private synchronized MockResponse chunk(RecordedRequest request) {
    String contentRange = request.getHeaders().get("Content-Range");
    contentRanges.add(contentRange);
    received.addAndGet(request.getBodySize());
    if (kept != null && request.getBody() != null) {
      kept.write(request.getBody().toByteArray(), 0, request.getBody().size());
    }
    Matcher empty = EMPTY_FINAL.matcher(contentRange);
    if (empty.matches()) {
      return file(Long.parseLong(empty.group(1)));
    }
    Matcher range = RANGE.matcher(contentRange);
    if (!range.matches()) {
      return new MockResponse.Builder().code(400).build();
    }
    long last = Long.parseLong(range.group(2));
    String total = range.group(3);
    if (!total.equals("*") && last + 1 == Long.parseLong(total)) {
      return file(last + 1);
    }
    return new MockResponse.Builder().code(308).addHeader("Range", "bytes=0-" + last).build();
  }

  private static MockResponse file(long size) {
    return new MockResponse.Builder()
        .code(200)
        .addHeader("Content-Type", "application/json; charset=UTF-8")
        .body(
            """
            {"id": "file-1", "name": "upload.bin", "mimeType": "application/octet-stream",
             "size": "%d", "modifiedTime": "2026-01-02T03:04:05.678Z"}
            """
                .formatted(size))
        .build();
  }

  /** Bytes received in chunk PUTs. */
  public long receivedBytes() {
    return received.get();
  }

  /** The kept bytes of all chunks, in order. */
  public synchronized byte[] keptBytes() {
    return kept.toByteArray();
  }

  /** The {@code Content-Range} of every chunk, in order. */
  public List<String> contentRanges() {
    return List.copyOf(contentRanges);
  }

  /** Every request, in arrival order. */
  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }
}
