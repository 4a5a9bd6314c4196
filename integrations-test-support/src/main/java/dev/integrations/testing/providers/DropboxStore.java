package dev.integrations.testing.providers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.integrations.testing.providers.ContentHost.Reply;
import dev.integrations.testing.providers.PlannedFailures.Failure;
import java.io.IOException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Dropbox files, for {@link DropboxStandIn}: {@code files/list_folder} (+ {@code /continue}) and
 * {@code files/search_v2} (+ {@code search/continue_v2}) as RPC calls; {@code files/upload} and
 * {@code files/upload_session/start}, {@code append_v2} and {@code finish} on the content host
 * ({@link ContentHost}), with the arguments in {@code Dropbox-API-Arg} (plain ASCII JSON: any other
 * byte is refused, as Dropbox does), {@code Content-Type: application/octet-stream}, offsets
 * checked ({@code incorrect_offset} with {@code correct_offset}), {@code mode: add} with {@code
 * autorename}. Files are kept as digests.
 */
final class DropboxStore {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final class Session {
    final String account;
    MessageDigest digest = ContentHost.sha256();
    long offset;

    Session(String account) {
      this.account = account;
    }
  }

  /** An authorized caller of the content host: its account and scopes, or the refusal to answer. */
  interface Authorizer {
    /**
     * The account of {@code authorization} when it may write contents; otherwise null and the
     * refusal in {@code refusal[0]}.
     */
    String account(String authorization, Reply[] refusal);
  }

  /** Every stored file by account, in upload order. */
  final Map<String, List<StoredFile>> files = new ConcurrentHashMap<>();

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final PlannedFailures failures;
  private final Authorizer authorizer;
  final ContentHost content;

  DropboxStore(PlannedFailures failures, Authorizer authorizer) {
    this.failures = failures;
    this.authorizer = authorizer;
    this.content = new ContentHost(this::contentCall);
  }

  /**
   * {@code files/list_folder}, {@code /continue}, {@code search_v2}, {@code search/continue_v2}:
   * status and body.
   */
  synchronized String[] rpc(String account, String function, JsonNode arguments) {
    List<ObjectNode> entries = root(account);
    switch (function) {
      case "files/list_folder":
        {
          String path = arguments.path("path").asText("");
          if (!path.isEmpty()) {
            return error(
                409,
                "path/not_found/..",
                "{\".tag\": \"path\", \"path\": {\".tag\": \"not_found\"}}");
          }
          return page(entries, 0, arguments.path("limit").asInt(2000), "list", "entries", false);
        }
      case "files/search_v2":
        {
          String query = arguments.path("query").asText("").toLowerCase(Locale.ROOT);
          List<ObjectNode> found =
              entries.stream()
                  .filter(e -> e.path("name").asText().toLowerCase(Locale.ROOT).contains(query))
                  .toList();
          return page(
              found,
              0,
              arguments.path("options").path("max_results").asInt(100),
              "search:" + query,
              "matches",
              true);
        }
      case "files/list_folder/continue":
      case "files/search/continue_v2":
        {
          String[] cursor = arguments.path("cursor").asText("").split("\\|", 3);
          if (cursor.length != 3) {
            return error(409, "reset/..", "{\".tag\": \"reset\"}");
          }
          boolean search = cursor[0].startsWith("search:");
          List<ObjectNode> all =
              !search
                  ? entries
                  : entries.stream()
                      .filter(
                          e ->
                              e.path("name")
                                  .asText()
                                  .toLowerCase(Locale.ROOT)
                                  .contains(cursor[0].substring(7)))
                      .toList();
          return page(
              all,
              Integer.parseInt(cursor[1]),
              Integer.parseInt(cursor[2]),
              cursor[0],
              search ? "matches" : "entries",
              search);
        }
      default:
        return null;
    }
  }

  private Reply contentCall(ContentHost.Request request) throws IOException {
    String function =
        request.path().startsWith("/2/") ? request.path().substring(3) : request.path();
    if (!request.method().equals("POST")) {
      return Reply.text(405, "Request method must be POST.");
    }
    Reply[] refusal = new Reply[1];
    String account = authorizer.account(request.header("Authorization"), refusal);
    if (account == null) {
      return refusal[0];
    }
    String arg = request.header("Dropbox-API-Arg");
    if (arg == null) {
      return Reply.text(
          400,
          "Error in call to API function \""
              + function
              + "\": Must provide HTTP header"
              + " \"Dropbox-API-Arg\" or URL parameter \"arg\".");
    }
    if (arg.chars().anyMatch(c -> c > 0x7e)) {
      return Reply.text(
          400,
          "Error in call to API function \""
              + function
              + "\": HTTP header \"Dropbox-API-Arg\":"
              + " could not decode input as JSON (characters beyond ASCII must be escaped as \\uXXXX).");
    }
    JsonNode arguments;
    try {
      arguments = JSON.readTree(arg);
    } catch (IOException e) {
      return Reply.text(
          400,
          "Error in call to API function \""
              + function
              + "\": HTTP header \"Dropbox-API-Arg\":"
              + " could not decode input as JSON");
    }
    String type = request.header("Content-Type");
    if (type == null
        || !(type.startsWith("application/octet-stream")
            || type.equals("text/plain; charset=dropbox-cors-hack"))) {
      return Reply.text(
          400,
          "Error in call to API function \""
              + function
              + "\": Bad HTTP \"Content-Type\" header: \""
              + type
              + "\".  Expecting one of \"application/octet-stream\", \"text/plain; charset=dropbox-cors-hack\".");
    }
    String endpoint =
        switch (function) {
          case "files/upload" -> "upload";
          case "files/upload_session/start" -> "start";
          case "files/upload_session/append_v2" -> "append";
          case "files/upload_session/finish" -> "finish";
          default -> null;
        };
    if (endpoint == null) {
      return Reply.text(404, "Unknown API function: \"" + function + "\"");
    }
    Failure failure = failures.take(endpoint);
    if (failure != null && !failure.afterActing()) {
      return failed(failure);
    }
    Reply done;
    synchronized (this) {
      done =
          switch (endpoint) {
            case "upload" -> upload(account, arguments, request);
            case "start" -> start(account, request);
            case "append" -> append(account, arguments, request);
            default -> finish(account, arguments, request);
          };
    }
    return failure != null ? failed(failure) : done;
  }

  private Reply upload(String account, JsonNode arguments, ContentHost.Request request)
      throws IOException {
    MessageDigest digest = ContentHost.sha256();
    long size = request.readInto(digest);
    return commit(account, arguments, size, digest);
  }

  private Reply start(String account, ContentHost.Request request) throws IOException {
    Session session = new Session(account);
    session.offset = request.readInto(session.digest);
    String id = "AAAAAAAAA" + UUID.randomUUID().toString().replace("-", "");
    sessions.put(id, session);
    return Reply.json(200, "{\"session_id\": \"" + id + "\"}");
  }

  private Reply append(String account, JsonNode arguments, ContentHost.Request request)
      throws IOException {
    Session session = session(account, arguments.path("cursor"));
    if (session == null) {
      return errorReply(409, "not_found/..", "{\".tag\": \"not_found\"}");
    }
    long offset = arguments.path("cursor").path("offset").asLong(-1);
    if (offset != session.offset) {
      return errorReply(
          409,
          "incorrect_offset/..",
          "{\".tag\": \"incorrect_offset\", \"correct_offset\": " + session.offset + "}");
    }
    MessageDigest copy = clone(session.digest);
    long length = request.readInto(copy);
    if (request.header("Content-Length") != null
        && length != Long.parseLong(request.header("Content-Length"))) {
      return Reply.text(400, "The body ended early.");
    }
    session.digest = copy;
    session.offset += length;
    return Reply.json(200, "null");
  }

  private Reply finish(String account, JsonNode arguments, ContentHost.Request request)
      throws IOException {
    String id = arguments.path("cursor").path("session_id").asText("");
    Session session = session(account, arguments.path("cursor"));
    if (session == null) {
      return errorReply(
          409,
          "lookup_failed/not_found/..",
          "{\".tag\": \"lookup_failed\", \"lookup_failed\": {\".tag\": \"not_found\"}}");
    }
    long offset = arguments.path("cursor").path("offset").asLong(-1);
    if (offset != session.offset) {
      return errorReply(
          409,
          "lookup_failed/incorrect_offset/..",
          "{\".tag\": \"lookup_failed\", \"lookup_failed\":"
              + " {\".tag\": \"incorrect_offset\", \"correct_offset\": "
              + session.offset
              + "}}");
    }
    session.offset += request.readInto(session.digest);
    sessions.remove(id);
    return commit(account, arguments.path("commit"), session.offset, session.digest);
  }

  private Session session(String account, JsonNode cursor) {
    Session session = sessions.get(cursor.path("session_id").asText(""));
    return session == null || !session.account.equals(account) ? null : session;
  }

  private Reply commit(String account, JsonNode commit, long size, MessageDigest digest) {
    String path = commit.path("path").asText("");
    if (!path.startsWith("/") || path.endsWith("/") || path.contains("//")) {
      return errorReply(
          409,
          "path/malformed_path/..",
          "{\".tag\": \"path\", \"reason\": {\".tag\": \"malformed_path\"}}");
    }
    String parent = path.lastIndexOf('/') == 0 ? null : path.substring(0, path.lastIndexOf('/'));
    String name = path.substring(path.lastIndexOf('/') + 1);
    List<StoredFile> mine = files.computeIfAbsent(account, a -> new CopyOnWriteArrayList<>());
    if (taken(mine, parent, name)) {
      if (!commit.path("autorename").asBoolean(false)) {
        return errorReply(
            409,
            "path/conflict/file/..",
            "{\".tag\": \"path\", \"reason\": {\".tag\": \"conflict\","
                + " \"conflict\": {\".tag\": \"file\"}}}");
      }
      int dot = name.lastIndexOf('.');
      String base = dot > 0 ? name.substring(0, dot) : name;
      String ext = dot > 0 ? name.substring(dot) : "";
      for (int i = 1; taken(mine, parent, name); i++) {
        name = base + " (" + i + ")" + ext;
      }
    }
    StoredFile file =
        new StoredFile(
            "id:" + UUID.randomUUID().toString().replace("-", "").substring(0, 22),
            name,
            parent,
            size,
            ContentHost.hex(digest),
            null,
            Instant.now().truncatedTo(ChronoUnit.SECONDS));
    mine.add(file);
    return Reply.json(200, metadata(file).toString());
  }

  private static boolean taken(List<StoredFile> files, String parent, String name) {
    return files.stream()
        .anyMatch(f -> f.name().equalsIgnoreCase(name) && Objects.equals(f.parent(), parent));
  }

  private List<ObjectNode> root(String account) {
    List<ObjectNode> entries = new ArrayList<>();
    ObjectNode seeded = JSON.createObjectNode();
    seeded
        .put(".tag", "file")
        .put("name", "report.pdf")
        .put("path_display", "/report.pdf")
        .put("id", "id:a4ayc_80_OEAAAAAAAAAXw")
        .put("size", 2048)
        .put("server_modified", "2026-01-01T10:00:00Z");
    entries.add(seeded);
    for (StoredFile file : files.getOrDefault(account, List.of())) {
      if (file.parent() == null) {
        entries.add(metadata(file));
      }
    }
    return entries;
  }

  private static String[] page(
      List<ObjectNode> all, int from, int limit, String kind, String field, boolean search) {
    if (limit < 1 || limit > (search ? 1000 : 2000)) {
      return new String[] {
        "400",
        "Error in call to API function: request body: "
            + (search ? "options.max_results" : "limit")
            + ": value out of range"
      };
    }
    ObjectNode answer = JSON.createObjectNode();
    ArrayNode list = answer.putArray(field);
    for (ObjectNode entry :
        all.subList(Math.min(from, all.size()), Math.min(from + limit, all.size()))) {
      if (search) {
        ObjectNode match = list.addObject();
        match.putObject("match_type").put(".tag", "filename");
        match.putObject("metadata").put(".tag", "metadata").set("metadata", entry);
      } else {
        list.add(entry);
      }
    }
    boolean more = from + limit < all.size();
    answer.put("has_more", more);
    if (more || !search) {
      answer.put("cursor", kind + "|" + (from + limit) + "|" + limit);
    }
    return new String[] {"200", answer.toString()};
  }

  private static ObjectNode metadata(StoredFile file) {
    ObjectNode entry = JSON.createObjectNode();
    String path = (file.parent() == null ? "" : file.parent()) + "/" + file.name();
    entry
        .put(".tag", "file")
        .put("name", file.name())
        .put("id", file.id())
        .put("client_modified", file.modified().toString())
        .put("server_modified", file.modified().toString())
        .put("rev", "a1c10ce0dd78")
        .put("size", file.size())
        .put("path_lower", path.toLowerCase(Locale.ROOT))
        .put("path_display", path)
        .put("is_downloadable", true)
        .put("content_hash", file.sha256());
    return entry;
  }

  private static Reply failed(Failure failure) {
    if (failure.status() == 429) {
      String wait = failure.retryAfter() == null ? "1" : failure.retryAfter();
      return Reply.json(
          429,
          "{\"error_summary\": \"too_many_requests/..\", \"error\": {\"reason\": {\".tag\":"
              + " \"too_many_requests\"}, \"retry_after\": "
              + wait
              + "}}",
          "Retry-After",
          wait);
    }
    return Reply.text(failure.status(), "Internal Server Error");
  }

  private static String[] error(int status, String summary, String error) {
    return new String[] {
      String.valueOf(status), "{\"error_summary\": \"" + summary + "\", \"error\": " + error + "}"
    };
  }

  private static Reply errorReply(int status, String summary, String error) {
    String[] answer = error(status, summary, error);
    return Reply.json(status, answer[1]);
  }

  private static MessageDigest clone(MessageDigest digest) {
    try {
      return (MessageDigest) digest.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException(e);
    }
  }
}
