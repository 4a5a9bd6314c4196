package dev.integrations.http;

import dev.integrations.bootstrap.presentation.ActionBodies;
import dev.integrations.bootstrap.presentation.JsonMapping;
import dev.integrations.core.error.InvalidRequestException;
import dev.integrations.core.model.Capability;
import dev.integrations.core.model.ChatMessage;
import dev.integrations.core.model.FilePage;
import dev.integrations.core.model.FileQuery;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.MailQuery;
import dev.integrations.core.model.UserId;
import dev.integrations.core.service.ActionService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Set;

/**
 * Actions through the authenticated user's connections, for any integration of the catalog whose
 * provider has the capability: {@code POST /api/integrations/{type}/messages} sends a chat message
 * (messages) or an e-mail (mail), {@code GET …/messages} searches mail, {@code GET|POST …/files}
 * lists and uploads files (see {@link UploadRoute}). The original {@code gmail}, {@code
 * google_drive} and {@code telegram} routes are these routes with their type, answering exactly as
 * they always did.
 *
 * <p>A type that lacks the capability answers 400 {@code unsupported_capability} naming what it
 * offers, before its body is read; a type the catalog does not know answers 400 "Invalid
 * integration type".
 */
final class ActionRoutes {
  static final String MESSAGES_PATH = "/api/integrations/{type}/messages";
  static final String FILES_PATH = "/api/integrations/{type}/files";
  static final String NEXT_PAGE_HEADER = "X-Next-Page-Token";
  private static final String TELEGRAM_CHAT_ID =
      "chat_id must be a numeric chat id or @channelusername.";
  private static final int MAX_QUERY_LENGTH = 2048;

  private final ActionService actions;
  private final JsonMapping json;
  private final UploadRoute upload;

  ActionRoutes(ActionService actions, JsonMapping json, UploadRoute upload) {
    this.actions = actions;
    this.json = json;
    this.upload = upload;
  }

  void register(RoutesConfig routes) {
    routes.post(MESSAGES_PATH, this::send);
    routes.get(MESSAGES_PATH, this::searchMail);
    routes.get(FILES_PATH, this::listFiles);
    routes.post(FILES_PATH, upload::upload);
  }

  /** The {@code type} path parameter: malformed or unknown is 400 "Invalid integration type". */
  static IntegrationType type(Context ctx) {
    return Params.integrationType(ctx.pathParam("type"));
  }

  /**
   * A chat message for a messages provider, an e-mail for a mail provider. A provider with both
   * (none is bundled) takes a body with {@code chat_id} as a chat message and any other as an
   * e-mail.
   */
  void send(Context ctx) {
    IntegrationType type = type(ctx);
    Set<Capability> offered = actions.capabilities(type);
    boolean chat = offered.contains(Capability.MESSAGES);
    boolean mail = offered.contains(Capability.MAIL);
    if (!chat && !mail) {
      actions.requireCapability(type, Capability.MESSAGES);
    }
    byte[] body = ctx.bodyAsBytes();
    if (chat && (!mail || hasField(body, "chat_id"))) {
      sendMessage(ctx, type, body);
    } else {
      sendMail(ctx, type, body);
    }
  }

  private void sendMail(Context ctx, IntegrationType type, byte[] bytes) {
    UserId user = JwtAuthenticator.user(ctx);
    ActionBodies.SendMail body = json.read(bytes, ActionBodies.SendMail.class);
    var sent = actions.sendMail(user, type, body.toMessage());
    ctx.json(ActionBodies.MailSent.of(sent));
  }

  private void sendMessage(Context ctx, IntegrationType type, byte[] bytes) {
    UserId user = JwtAuthenticator.user(ctx);
    ActionBodies.SendChatMessage body = json.read(bytes, ActionBodies.SendChatMessage.class);
    ChatMessage message;
    try {
      message = body.toMessage();
    } catch (InvalidRequestException e) {
      // The original Telegram route's answer to a malformed chat id, word for word.
      boolean chatId = e.getMessage().startsWith("chat_id must");
      throw chatId && IntegrationType.TELEGRAM.equals(type)
          ? new InvalidRequestException(TELEGRAM_CHAT_ID)
          : e;
    }
    var sent = actions.sendMessage(user, type, message);
    ctx.json(ActionBodies.MessageSent.of(sent));
  }

  void searchMail(Context ctx) {
    UserId user = JwtAuthenticator.user(ctx);
    IntegrationType type = type(ctx);
    actions.requireCapability(type, Capability.MAIL);
    MailQuery query =
        new MailQuery(
            Params.text(ctx, "q", MAX_QUERY_LENGTH),
            Params.integer(ctx, "max_results", 10, 1, MailQuery.MAX_RESULTS));
    ctx.json(actions.searchMail(user, type, query).stream().map(ActionBodies.Mail::of).toList());
  }

  void listFiles(Context ctx) {
    UserId user = JwtAuthenticator.user(ctx);
    IntegrationType type = type(ctx);
    actions.requireCapability(type, Capability.FILES);
    FileQuery query =
        new FileQuery(
            Params.text(ctx, "q", MAX_QUERY_LENGTH),
            Params.integer(ctx, "page_size", 10, 1, FileQuery.MAX_PAGE_SIZE),
            Params.text(ctx, "page_token", MAX_QUERY_LENGTH));
    FilePage page = actions.listFiles(user, type, query);
    if (page.nextPageToken() != null) {
      ctx.header(NEXT_PAGE_HEADER, page.nextPageToken());
    }
    ctx.json(page.files().stream().map(ActionBodies.File::of).toList());
  }

  /**
   * Whether {@code body} is a JSON object with {@code field}; a malformed body is left to the
   * reader.
   */
  private boolean hasField(byte[] body, String field) {
    try {
      return json.mapper().readTree(body).has(field);
    } catch (java.io.IOException | RuntimeException malformed) {
      return false;
    }
  }
}
