package dev.integrations.testing.providers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.integrations.testing.providers.ContentHost.Reply;
import dev.integrations.testing.providers.PlannedFailures.Failure;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * OneDrive in Microsoft Graph, for {@link MicrosoftStandIn}: the root's children and search ({@code
 * $top}, {@code $skiptoken} paging), simple uploads ({@code PUT …:/content}, at most 4 MiB) and
 * upload sessions ({@code createUploadSession}; chunks {@code PUT} to the session's URL on the
 * {@link ContentHost}, without a token, in order, with {@code Content-Range}, each a multiple of
 * 320 KiB but the last; {@code GET} on the URL tells the {@code nextExpectedRanges}; 404 once the
 * file is created). {@code conflictBehavior} {@code rename} / {@code replace} (default) / {@code
 * fail}. Files are kept as digests.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/driveitem-createuploadsession">upload
 *     sessions</a>
 */
final class OneDriveStore {
  static final int SIMPLE_LIMIT = 4 * 1024 * 1024;
  static final int UNIT = 320 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ITEM_ACTION =
      Pattern.compile(
          "/v1\\.0/me/drive/(?:root|items/([^/:]+)):/([^/]+):/(content|createUploadSession)");
  private static final Pattern SEARCH =
      Pattern.compile("/v1\\.0/me/drive/root/search\\(q='(.*)'\\)");
  private static final Pattern RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");

  private static final class Session {
    final String account;
    final String parent;
    final String name;
    final String conflict;
    MessageDigest digest = ContentHost.sha256();
    long next;

    Session(String account, String parent, String name, String conflict) {
      this.account = account;
      this.parent = parent;
      this.name = name;
      this.conflict = conflict;
    }
  }

  /** Every stored file by account, in upload order. */
  final Map<String, List<StoredFile>> files = new ConcurrentHashMap<>();

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final PlannedFailures failures;
  final ContentHost uploads;

  OneDriveStore(PlannedFailures failures) {
    this.failures = failures;
    this.uploads = new ContentHost(this::chunk);
  }

  /** Whether {@code path} is a drive path this store answers. */
  static boolean handles(String decodedPath) {
    return decodedPath.startsWith("/v1.0/me/drive/");
  }

  /** A Graph drive request: status and JSON body. */
  synchronized String[] answer(String account, RecordedRequest request, String decodedPath) {
    if (decodedPath.equals("/v1.0/me/drive/root/children") && request.getMethod().equals("GET")) {
      return page(request.getUrl(), root(account, ""));
    }
    Matcher search = SEARCH.matcher(decodedPath);
    if (search.matches() && request.getMethod().equals("GET")) {
      return page(request.getUrl(), root(account, search.group(1).replace("''", "'")));
    }
    Matcher action = ITEM_ACTION.matcher(decodedPath);
    if (!action.matches()) {
      return new String[] {
        "404", OutlookMailbox.error("itemNotFound", "The resource could not be found.")
      };
    }
    String parent = action.group(1);
    String name = action.group(2);
    if (action.group(3).equals("content") && request.getMethod().equals("PUT")) {
      if (request.getBodySize() > SIMPLE_LIMIT) {
        return new String[] {
          "413",
          OutlookMailbox.error(
              "requestBodyTooLarge", "The request body is larger than 4 MB; use an upload session.")
        };
      }
      MessageDigest digest = ContentHost.sha256();
      digest.update(request.getBody().toByteArray());
      String conflict = request.getUrl().queryParameter("@microsoft.graph.conflictBehavior");
      return store(
          account,
          parent,
          name,
          conflict,
          request.getBodySize(),
          digest,
          request.getHeaders().get("Content-Type"));
    }
    if (action.group(3).equals("createUploadSession") && request.getMethod().equals("POST")) {
      var body = OAuthStandIn.jsonBody(request);
      String conflict =
          body == null
              ? null
              : body.path("item").path("@microsoft.graph.conflictBehavior").asText(null);
      String id = UUID.randomUUID().toString();
      sessions.put(id, new Session(account, parent, name, conflict));
      ObjectNode answer = JSON.createObjectNode();
      answer.put("uploadUrl", uploads.url() + "/up/" + id);
      answer.put("expirationDateTime", "2030-01-01T00:00:00Z");
      answer.putArray("nextExpectedRanges").add("0-");
      return new String[] {"200", answer.toString()};
    }
    return new String[] {
      "405", OutlookMailbox.error("invalidRequest", "The method is not allowed here.")
    };
  }

  private Reply chunk(ContentHost.Request request) throws IOException {
    String id = request.path().startsWith("/up/") ? request.path().substring(4) : "";
    synchronized (this) {
      Session session = sessions.get(id);
      if (session == null) {
        return Reply.json(
            404, OutlookMailbox.error("itemNotFound", "The upload session was not found."));
      }
      switch (request.method()) {
        case "GET":
          return Reply.json(200, status(session));
        case "DELETE":
          sessions.remove(id);
          return new Reply(204, Map.of(), "");
        case "PUT":
          break;
        default:
          return Reply.json(
              405, OutlookMailbox.error("invalidRequest", "The method is not allowed here."));
      }
      if (request.header("Authorization") != null) {
        return Reply.json(
            401,
            OutlookMailbox.error(
                "unauthenticated",
                "An upload URL is pre-authenticated: do not send an Authorization header."));
      }
      Matcher range = RANGE.matcher(String.valueOf(request.header("Content-Range")));
      long length =
          request.header("Content-Length") == null
              ? -1
              : Long.parseLong(request.header("Content-Length"));
      if (!range.matches()
          || length != Long.parseLong(range.group(2)) - Long.parseLong(range.group(1)) + 1) {
        return Reply.json(
            400,
            OutlookMailbox.error(
                "invalidRequest",
                "The Content-Range header is missing or does"
                    + " not match the length of the body."));
      }
      long first = Long.parseLong(range.group(1));
      long total = Long.parseLong(range.group(3));
      boolean last = Long.parseLong(range.group(2)) + 1 == total;
      if (first != session.next) {
        return Reply.json(
            416,
            OutlookMailbox.error(
                "invalidRange",
                "The uploaded fragment does not start at the"
                    + " next expected byte, "
                    + session.next
                    + "."));
      }
      if (!last && length % UNIT != 0) {
        return Reply.json(
            400,
            OutlookMailbox.error(
                "invalidRequest",
                "A fragment other than the last must be a" + " multiple of 320 KiB."));
      }
      Failure failure = failures.take("chunk");
      if (failure != null && !failure.afterActing()) {
        return failed(failure);
      }
      MessageDigest copy = clone(session.digest);
      long read = request.readInto(copy);
      if (read != length) {
        return Reply.json(400, OutlookMailbox.error("invalidRequest", "The body ended early."));
      }
      session.digest = copy;
      session.next += length;
      Reply done;
      if (last) {
        sessions.remove(id);
        String[] stored =
            store(
                session.account,
                session.parent,
                session.name,
                session.conflict,
                total,
                session.digest,
                null);
        done = Reply.json(Integer.parseInt(stored[0]), stored[1]);
      } else {
        done = Reply.json(202, status(session));
      }
      return failure != null ? failed(failure) : done;
    }
  }

  private static Reply failed(Failure failure) {
    return failure.retryAfter() == null
        ? Reply.json(
            failure.status(),
            OutlookMailbox.error("serviceNotAvailable", "The service is not available."))
        : Reply.json(
            failure.status(),
            OutlookMailbox.error("TooManyRequests", "Too many requests."),
            "Retry-After",
            failure.retryAfter());
  }

  private static MessageDigest clone(MessageDigest digest) {
    try {
      return (MessageDigest) digest.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException(e);
    }
  }

  private String status(Session session) {
    ObjectNode answer = JSON.createObjectNode();
    answer.put("expirationDateTime", "2030-01-01T00:00:00Z");
    answer.putArray("nextExpectedRanges").add(session.next + "-");
    return answer.toString();
  }

  private String[] store(
      String account,
      String parent,
      String name,
      String conflict,
      long size,
      MessageDigest digest,
      String mimeType) {
    List<StoredFile> mine =
        files.computeIfAbsent(account, a -> new java.util.concurrent.CopyOnWriteArrayList<>());
    String finalName = name;
    boolean taken =
        mine.stream()
            .anyMatch(f -> f.name().equals(name) && java.util.Objects.equals(f.parent(), parent));
    if (taken && "fail".equals(conflict)) {
      return new String[] {
        "409", OutlookMailbox.error("nameAlreadyExists", "The specified item name already exists.")
      };
    }
    if (taken && "rename".equals(conflict)) {
      int dot = name.lastIndexOf('.');
      String base = dot > 0 ? name.substring(0, dot) : name;
      String ext = dot > 0 ? name.substring(dot) : "";
      for (int i = 1; ; i++) {
        String candidate = base + " " + i + ext;
        if (mine.stream()
            .noneMatch(
                f -> f.name().equals(candidate) && java.util.Objects.equals(f.parent(), parent))) {
          finalName = candidate;
          break;
        }
      }
    } else if (taken) {
      mine.removeIf(f -> f.name().equals(name) && java.util.Objects.equals(f.parent(), parent));
    }
    StoredFile file =
        new StoredFile(
            "01"
                + UUID.randomUUID()
                    .toString()
                    .replace("-", "")
                    .substring(0, 14)
                    .toUpperCase(Locale.ROOT),
            finalName,
            parent,
            size,
            ContentHost.hex(digest),
            mimeType,
            Instant.now());
    mine.add(file);
    return new String[] {"201", item(file).toString()};
  }

  private List<ObjectNode> root(String account, String query) {
    List<ObjectNode> items = new ArrayList<>();
    ObjectNode seeded = JSON.createObjectNode();
    seeded
        .put("id", "01BYE5RZ")
        .put("name", "report.pdf")
        .put("size", 2048)
        .put("lastModifiedDateTime", "2026-01-01T10:00:00Z")
        .putObject("file")
        .put("mimeType", "application/pdf");
    items.add(seeded);
    for (StoredFile file : files.getOrDefault(account, List.of())) {
      if (file.parent() == null) {
        items.add(item(file));
      }
    }
    String term = query.toLowerCase(Locale.ROOT);
    return items.stream()
        .filter(i -> i.path("name").asText().toLowerCase(Locale.ROOT).contains(term))
        .toList();
  }

  private static String[] page(HttpUrl url, List<ObjectNode> items) {
    int top;
    int skip;
    try {
      top = url.queryParameter("$top") == null ? 200 : Integer.parseInt(url.queryParameter("$top"));
      skip =
          url.queryParameter("$skiptoken") == null
              ? 0
              : Integer.parseInt(url.queryParameter("$skiptoken"));
    } catch (NumberFormatException e) {
      return new String[] {
        "400", OutlookMailbox.error("invalidRequest", "Invalid $top or $skiptoken.")
      };
    }
    if (top < 1 || top > 999) {
      return new String[] {
        "400", OutlookMailbox.error("invalidRequest", "$top must be between 1 and 999.")
      };
    }
    ObjectNode answer = JSON.createObjectNode();
    ArrayNode value = answer.putArray("value");
    items
        .subList(Math.min(skip, items.size()), Math.min(skip + top, items.size()))
        .forEach(value::add);
    if (skip + top < items.size()) {
      answer.put(
          "@odata.nextLink",
          url.newBuilder()
              .setQueryParameter("$skiptoken", String.valueOf(skip + top))
              .build()
              .toString());
    }
    return new String[] {"200", answer.toString()};
  }

  private static ObjectNode item(StoredFile file) {
    ObjectNode item = JSON.createObjectNode();
    item.put("id", file.id())
        .put("name", file.name())
        .put("size", file.size())
        .put("createdDateTime", file.modified().toString())
        .put("lastModifiedDateTime", file.modified().toString());
    ObjectNode meta = item.putObject("file");
    meta.put("mimeType", file.mimeType() == null ? "application/octet-stream" : file.mimeType());
    meta.putObject("hashes").put("sha256Hash", file.sha256().toUpperCase(Locale.ROOT));
    item.putObject("parentReference").put("id", file.parent() == null ? "root" : file.parent());
    return item;
  }

  static String decode(String encodedPath) {
    return URLDecoder.decode(encodedPath.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
