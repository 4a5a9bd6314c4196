package dev.integrations.mcp;

import static dev.integrations.mcp.Schemas.arrayOf;
import static dev.integrations.mcp.Schemas.bool;
import static dev.integrations.mcp.Schemas.enumOf;
import static dev.integrations.mcp.Schemas.integer;
import static dev.integrations.mcp.Schemas.nullableInteger;
import static dev.integrations.mcp.Schemas.nullableString;
import static dev.integrations.mcp.Schemas.object;
import static dev.integrations.mcp.Schemas.string;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.IntegrationException;
import dev.integrations.core.error.InvalidRequestException;
import dev.integrations.core.model.ChatMessage;
import dev.integrations.core.model.FilePage;
import dev.integrations.core.model.FileQuery;
import dev.integrations.core.model.FileUpload;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.MailMessage;
import dev.integrations.core.model.MailQuery;
import dev.integrations.core.model.MailSummary;
import dev.integrations.core.model.RemoteFile;
import dev.integrations.core.model.SentMail;
import dev.integrations.core.model.SentMessage;
import dev.integrations.core.model.UploadProgress;
import dev.integrations.core.service.ActionService;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The action tools, one per thing a capability does: {@code send_mail} and {@code search_mail}
 * (mail), {@code list_files} and {@code upload_file} (files), {@code send_message} (messages). Each
 * takes the {@code integration_type} to act through, limited to the catalog's integrations with
 * that capability. The sending tools take an {@code idempotency_key}.
 */
final class ActionTools {
  /** The most results a search or listing returns to an agent at once. */
  static final int MAX_RESULTS = 100;

  /** The largest file {@code upload_file} takes, decoded (base64 in a JSON-RPC message). */
  static final int MAX_UPLOAD_BYTES = 4 * 1024 * 1024;

  private final ActionService actions;
  private final IdempotentCalls idempotent;
  private final ToolResults results;
  private final long uploadLimit;

  ActionTools(
      ActionService actions, IdempotentCalls idempotent, ToolResults results, long maxUploadBytes) {
    this.actions = actions;
    this.idempotent = idempotent;
    this.results = results;
    this.uploadLimit = Math.min(MAX_UPLOAD_BYTES, maxUploadBytes);
  }

  List<McpTool> mailTools(List<String> types) {
    return List.of(sendMail(types), searchMail(types));
  }

  List<McpTool> fileTools(List<String> types) {
    return List.of(listFiles(types), uploadFile(types));
  }

  List<McpTool> messageTools(List<String> types) {
    return List.of(sendMessage(types));
  }

  private static Map<String, Object> via(List<String> types, String what) {
    return enumOf(
        types, "The connected integration to " + what + " through (see list_connections).");
  }

  private static Map<String, Object> idempotencyKey() {
    return string(
        "Optional. A key of your choice (e.g. a UUID): repeating the call with the same key within 24 "
            + "hours returns the first answer instead of acting again.");
  }

  private McpTool sendMail(List<String> types) {
    Tool tool =
        Tool.builder()
            .name("send_mail")
            .title("Send an e-mail")
            .description(
                "Sends an e-mail from the user's mailbox. Not repeated by the server's own retries; pass an "
                    + "idempotency_key to make your own retries safe.")
            .inputSchema(
                object()
                    .required("integration_type", via(types, "send"))
                    .required("to", arrayOf(string(null), "Recipients' addresses (at least one)."))
                    .property("cc", arrayOf(string(null), null))
                    .property("bcc", arrayOf(string(null), null))
                    .property("subject", string("One line."))
                    .required("body", string("The plain-text body."))
                    .property("html_body", string("An HTML alternative of the body."))
                    .property(IdempotentCalls.ARGUMENT, idempotencyKey())
                    .build())
            .outputSchema(
                object()
                    .required(
                        "id",
                        nullableString(
                            "The provider's message id; null when it gives none (Outlook)."))
                    .property("thread_id", nullableString(null))
                    .required("integration_type", string(null))
                    .open()
                    .build())
            .annotations(new ToolAnnotations("Send an e-mail", false, false, false, true, null))
            .build();
    return new McpTool(
        tool,
        Scopes.MAIL_SEND,
        (caller, arguments) -> {
          IntegrationType type = type(arguments);
          MailMessage message =
              new MailMessage(
                  arguments.strings("to"),
                  arguments.strings("cc"),
                  arguments.strings("bcc"),
                  arguments.optional("subject"),
                  arguments.required("body"),
                  arguments.optional("html_body"));
          return idempotent.once(
              caller,
              "send_mail",
              arguments,
              () -> {
                SentMail sent = actions.sendMail(caller.user(), type, message);
                return answer(
                    "id",
                    sent.id(),
                    "thread_id",
                    sent.threadId(),
                    "integration_type",
                    type.value());
              });
        });
  }

  private McpTool searchMail(List<String> types) {
    Map<String, Object> summary =
        object()
            .required("id", string(null))
            .property("thread_id", nullableString(null))
            .property("from", nullableString(null))
            .property("subject", nullableString(null))
            .property("snippet", nullableString(null))
            .property("date", nullableString("ISO-8601"))
            .open()
            .build();
    Tool tool =
        Tool.builder()
            .name("search_mail")
            .title("Search mail")
            .description(
                "Searches the user's mailbox with the provider's search syntax (Gmail: from:ann is:unread).")
            .inputSchema(
                object()
                    .required("integration_type", via(types, "search"))
                    .property("query", string("The search; empty for the newest messages."))
                    .property(
                        "max_results",
                        integer(1, MAX_RESULTS, "How many messages at most (default 10)."))
                    .build())
            .outputSchema(object().required("messages", arrayOf(summary, null)).build())
            .annotations(new ToolAnnotations("Search mail", true, false, true, true, null))
            .build();
    return new McpTool(
        tool,
        Scopes.MAIL_READ,
        (caller, arguments) -> {
          IntegrationType type = type(arguments);
          MailQuery query =
              new MailQuery(
                  arguments.optional("query"),
                  arguments.integer("max_results", 10, 1, MAX_RESULTS));
          List<MailSummary> found = actions.searchMail(caller.user(), type, query);
          return results.success(
              Map.of(
                  "messages",
                  found.stream()
                      .map(
                          m ->
                              answer(
                                  "id",
                                  m.id(),
                                  "thread_id",
                                  m.threadId(),
                                  "from",
                                  m.from(),
                                  "subject",
                                  m.subject(),
                                  "snippet",
                                  m.snippet(),
                                  "date",
                                  text(m.date())))
                      .toList()));
        });
  }

  private McpTool listFiles(List<String> types) {
    Tool tool =
        Tool.builder()
            .name("list_files")
            .title("List files")
            .description(
                "Lists files in the user's storage, with the provider's query syntax "
                    + "(Drive: name contains 'report'), a page at a time.")
            .inputSchema(
                object()
                    .required("integration_type", via(types, "list"))
                    .property("query", string("The query; empty for all files."))
                    .property(
                        "page_size",
                        integer(1, MAX_RESULTS, "How many files at most (default 20)."))
                    .property("page_token", string("next_page_token of the previous page."))
                    .build())
            .outputSchema(
                object()
                    .required("files", arrayOf(fileSchema(), null))
                    .property("next_page_token", nullableString("null on the last page"))
                    .build())
            .annotations(new ToolAnnotations("List files", true, false, true, true, null))
            .build();
    return new McpTool(
        tool,
        Scopes.FILES_READ,
        (caller, arguments) -> {
          IntegrationType type = type(arguments);
          FileQuery query =
              new FileQuery(
                  arguments.optional("query"),
                  arguments.integer("page_size", 20, 1, MAX_RESULTS),
                  arguments.optional("page_token"));
          FilePage page = actions.listFiles(caller.user(), type, query);
          Map<String, Object> answer = new LinkedHashMap<>();
          answer.put("files", page.files().stream().map(ActionTools::file).toList());
          answer.put("next_page_token", page.nextPageToken());
          return results.success(answer);
        });
  }

  private McpTool uploadFile(List<String> types) {
    Tool tool =
        Tool.builder()
            .name("upload_file")
            .title("Upload a file")
            .description(
                "Uploads a file (at most "
                    + uploadLimit
                    + " bytes, sent as base64) to the user's storage.")
            .inputSchema(
                object()
                    .required("integration_type", via(types, "upload"))
                    .required("name", string("The file name at the provider."))
                    .required("content_base64", string("The file's bytes, base64 (RFC 4648)."))
                    .property(
                        "mime_type", string("Its media type; the provider guesses when absent."))
                    .property("parent_id", string("The folder to put it in; the root when absent."))
                    .property(IdempotentCalls.ARGUMENT, idempotencyKey())
                    .build())
            .outputSchema(fileSchema())
            .annotations(new ToolAnnotations("Upload a file", false, false, false, true, null))
            .build();
    return new McpTool(
        tool,
        Scopes.FILES_WRITE,
        (caller, arguments) -> {
          IntegrationType type = type(arguments);
          byte[] content = decode(arguments.required("content_base64"));
          FileUpload upload =
              new FileUpload(
                  arguments.required("name"),
                  arguments.optional("mime_type"),
                  arguments.optional("parent_id"),
                  content.length,
                  () -> new ByteArrayInputStream(content));
          return idempotent.once(
              caller,
              "upload_file",
              arguments,
              () -> file(actions.uploadFile(caller.user(), type, upload, UploadProgress.NONE)));
        });
  }

  private McpTool sendMessage(List<String> types) {
    Tool tool =
        Tool.builder()
            .name("send_message")
            .title("Send a message")
            .description(
                "Sends a chat message through the user's bot or workspace. Not repeated by the server's own "
                    + "retries; pass an idempotency_key to make your own retries safe.")
            .inputSchema(
                object()
                    .required("integration_type", via(types, "send"))
                    .required(
                        "chat_id",
                        Map.of(
                            "type",
                            List.of("string", "integer"),
                            "description",
                            "Where to send: a Telegram chat id or @channelusername, a Slack or Discord channel id,"
                                + " a Teams chat id or teamId/channelId, a WhatsApp phone number."))
                    .required(
                        "text",
                        string(
                            "The message (at most "
                                + ChatMessage.MAX_TEXT_LENGTH
                                + " characters)."))
                    .property(
                        "parse_mode",
                        enumOf(
                            List.of("MarkdownV2", "HTML"), "Formatting; plain text when absent."))
                    .property("disable_notification", bool("Deliver silently."))
                    .property(IdempotentCalls.ARGUMENT, idempotencyKey())
                    .build())
            .outputSchema(
                object()
                    .required(
                        "message_id",
                        Map.of(
                            "type",
                            List.of("integer", "string"),
                            "description",
                            "The provider's id: a number (Telegram, Discord, Teams), text otherwise (Slack's ts, WhatsApp's wamid)."))
                    .required("integration_type", string(null))
                    .open()
                    .build())
            .annotations(new ToolAnnotations("Send a message", false, false, false, true, null))
            .build();
    return new McpTool(
        tool,
        Scopes.MESSAGES_SEND,
        (caller, arguments) -> {
          IntegrationType type = type(arguments);
          ChatMessage message =
              new ChatMessage(
                  arguments.required("chat_id"),
                  arguments.required("text"),
                  arguments.optional("parse_mode"),
                  arguments.bool("disable_notification"));
          return idempotent.once(
              caller,
              "send_message",
              arguments,
              () -> {
                SentMessage sent = actions.sendMessage(caller.user(), type, message);
                Object id = sent.hasNumericId() ? (Object) sent.messageId() : sent.id();
                return answer("message_id", id, "integration_type", type.value());
              });
        });
  }

  private static Map<String, Object> fileSchema() {
    return object()
        .required("id", string(null))
        .property("name", nullableString(null))
        .property("mime_type", nullableString(null))
        .property("size", nullableInteger("bytes"))
        .property("modified_time", nullableString("ISO-8601"))
        .open()
        .build();
  }

  private static Map<String, Object> file(RemoteFile f) {
    return answer(
        "id",
        f.id(),
        "name",
        f.name(),
        "mime_type",
        f.mimeType(),
        "size",
        f.size(),
        "modified_time",
        text(f.modifiedTime()));
  }

  private static IntegrationType type(Arguments arguments) {
    return IntegrationType.of(arguments.required("integration_type"));
  }

  private byte[] decode(String base64) {
    long decodedAtMost = (long) base64.length() * 3 / 4;
    if (decodedAtMost > uploadLimit + 2) {
      throw tooLarge();
    }
    byte[] content;
    try {
      content = Base64.getDecoder().decode(base64.replaceAll("\\s+", ""));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("content_base64 is not valid base64.");
    }
    if (content.length > uploadLimit) {
      throw tooLarge();
    }
    return content;
  }

  private IntegrationException tooLarge() {
    return new IntegrationException(
        ErrorCode.PAYLOAD_TOO_LARGE,
        "The file is larger than upload_file takes ("
            + uploadLimit
            + " bytes); upload it through the HTTP API.");
  }

  /** A map of the given names and values, in order, nulls kept. */
  private static Map<String, Object> answer(Object... namesAndValues) {
    Map<String, Object> answer = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      answer.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return answer;
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
