package dev.integrations.http;

import dev.integrations.core.model.FilePage;
import dev.integrations.core.model.FileQuery;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.MailQuery;
import dev.integrations.core.model.UserId;
import dev.integrations.core.service.ActionService;
import dev.integrations.bootstrap.presentation.ActionBodies;
import dev.integrations.bootstrap.presentation.JsonMapping;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * Actions through the authenticated user's connections: Gmail send and search, Drive list and upload
 * (see {@link UploadRoute}), Telegram send.
 */
final class ActionRoutes {
  static final String NEXT_PAGE_HEADER = "X-Next-Page-Token";
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
    routes.post("/api/integrations/gmail/messages", this::sendMail);
    routes.get("/api/integrations/gmail/messages", this::searchMail);
    routes.get("/api/integrations/google_drive/files", this::listFiles);
    routes.post("/api/integrations/google_drive/files", upload::upload);
    routes.post("/api/integrations/telegram/messages", this::sendMessage);
  }

  void sendMail(Context ctx) {
    UserId user = JwtAuthenticator.user(ctx);
    ActionBodies.SendMail body = json.read(ctx.bodyAsBytes(), ActionBodies.SendMail.class);
    var sent = actions.sendMail(user, IntegrationType.GMAIL, body.toMessage());
    ctx.json(ActionBodies.MailSent.of(sent));
  }

  void searchMail(Context ctx) {
    UserId user = JwtAuthenticator.user(ctx);
    MailQuery query =
        new MailQuery(
            Params.text(ctx, "q", MAX_QUERY_LENGTH),
            Params.integer(ctx, "max_results", 10, 1, MailQuery.MAX_RESULTS));
    ctx.json(actions.searchMail(user, IntegrationType.GMAIL, query).stream().map(ActionBodies.Mail::of).toList());
  }

  void listFiles(Context ctx) {
    UserId user = JwtAuthenticator.user(ctx);
    FileQuery query =
        new FileQuery(
            Params.text(ctx, "q", MAX_QUERY_LENGTH),
            Params.integer(ctx, "page_size", 10, 1, FileQuery.MAX_PAGE_SIZE),
            Params.text(ctx, "page_token", MAX_QUERY_LENGTH));
    FilePage page = actions.listFiles(user, IntegrationType.GOOGLE_DRIVE, query);
    if (page.nextPageToken() != null) {
      ctx.header(NEXT_PAGE_HEADER, page.nextPageToken());
    }
    ctx.json(page.files().stream().map(ActionBodies.File::of).toList());
  }

  void sendMessage(Context ctx) {
    UserId user = JwtAuthenticator.user(ctx);
    ActionBodies.SendChatMessage body = json.read(ctx.bodyAsBytes(), ActionBodies.SendChatMessage.class);
    var sent = actions.sendMessage(user, IntegrationType.TELEGRAM, body.toMessage());
    ctx.json(ActionBodies.MessageSent.of(sent));
  }
}
