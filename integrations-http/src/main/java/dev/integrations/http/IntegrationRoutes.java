package dev.integrations.http;

import dev.integrations.bootstrap.presentation.CompleteRequest;
import dev.integrations.bootstrap.presentation.ConnectRequest;
import dev.integrations.bootstrap.presentation.HealthBodies;
import dev.integrations.bootstrap.presentation.IntegrationEntry;
import dev.integrations.bootstrap.presentation.IntegrationListJson;
import dev.integrations.bootstrap.presentation.JsonMapping;
import dev.integrations.bootstrap.presentation.Replies;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.InvalidRequestException;
import dev.integrations.core.model.Completion;
import dev.integrations.core.model.Connection;
import dev.integrations.core.model.Integration;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.TestResult;
import dev.integrations.core.model.UserId;
import dev.integrations.core.service.ConnectCommand;
import dev.integrations.core.service.ConnectResult;
import dev.integrations.core.service.DisconnectResult;
import dev.integrations.core.service.IntegrationService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;

/**
 * List, connect, complete, test (one or all) and disconnect, and a connection's usage: the
 * connection routes, for the authenticated user only.
 */
final class IntegrationRoutes {
  private static final int MAX_HANDLE_LENGTH = 256;

  private final IntegrationService connections;
  private final JsonMapping json;
  private final ConsentCookie consentCookie;
  private final IntegrationListJson listJson;

  IntegrationRoutes(IntegrationService connections, JsonMapping json, ConsentCookie consentCookie) {
    this.connections = connections;
    this.json = json;
    this.consentCookie = consentCookie;
    this.listJson = new IntegrationListJson(json, connections.catalog());
  }

  void register(RoutesConfig routes) {
    routes.get("/api/integrations", this::list);
    routes.post("/api/integrations/connect", this::connect);
    routes.post("/api/integrations/complete", this::complete);
    routes.post("/api/integrations/test", this::test);
    routes.post("/api/integrations/test-all", this::testAll);
    routes.post("/api/integrations/disconnect", this::disconnect);
    routes.post("/api/integrations/disconnect-all", this::disconnectAll);
    // After every static route: {type} would otherwise match a static segment.
    routes.get("/api/integrations/{type}/usage", this::usage);
  }

  void list(Context ctx) {
    UserId user = JwtAuthenticator.user(ctx);
    ctx.contentType(ContentType.APPLICATION_JSON).result(listJson.write(connections.list(user)));
  }

  void connect(Context ctx) {
    UserId user = JwtAuthenticator.user(ctx);
    ConnectRequest request = json.read(ctx.bodyAsBytes(), ConnectRequest.class);
    if (request.integrationType() == null || request.integrationType().isBlank()) {
      throw new InvalidRequestException(
          ErrorCode.INVALID_INTEGRATION_TYPE,
          "Invalid integration type: integration_type is required.");
    }
    IntegrationType type = Params.integrationType(request.integrationType());
    Integration integration = connections.integration(type);
    Completion completion = completion(request.completion());
    ConnectResult result =
        connections.connect(
            new ConnectCommand(
                user,
                type,
                Secret.ofNullable(blankToNull(request.token())),
                null,
                completion,
                request.config()));
    if (result instanceof ConnectResult.AuthorizationPending pending) {
      if (pending.browserBinding() != null) {
        consentCookie.set(
            ctx,
            pending.state(),
            pending.browserBinding(),
            Duration.between(Instant.now(), pending.expiresAt()));
      }
      ctx.json(Replies.AuthorizationPending.of(pending));
    } else if (result instanceof ConnectResult.Connected connected) {
      // An API key (WhatsApp Business) is "connected successfully", a bot token "bot connected
      // successfully".
      ctx.json(
          Replies.Connected.of(
              integration.name(),
              integration.requiresOAuth() || request.isApiKey(),
              type.value(),
              IntegrationEntry.AccountBody.of(connected.connection().account())));
    }
  }

  /**
   * Browser completion unless the caller asks for {@code api}; {@code caller} is not offered over
   * HTTP.
   */
  private static Completion completion(String requested) {
    if (requested == null || requested.isBlank()) {
      return Completion.BROWSER;
    }
    Completion completion = Completion.of(requested);
    if (completion == Completion.CALLER) {
      throw new InvalidRequestException("completion must be \"browser\" or \"api\".");
    }
    return completion;
  }

  void complete(Context ctx) {
    UserId user = JwtAuthenticator.user(ctx);
    CompleteRequest request = json.read(ctx.bodyAsBytes(), CompleteRequest.class);
    String handle = request.handle() == null ? "" : request.handle().strip();
    if (handle.isEmpty() || handle.length() > MAX_HANDLE_LENGTH) {
      throw new InvalidRequestException(
          "handle is required: the completion handle the callback gave the browser (not the state).");
    }
    Connection connection = connections.confirmAuthorization(user, handle);
    Integration integration = connections.integration(connection.type());
    ctx.json(Replies.Completed.of(integration));
  }

  void test(Context ctx) {
    UserId user = JwtAuthenticator.user(ctx);
    IntegrationType type = Params.integrationType(ctx);
    TestResult result = connections.test(user, type);
    ctx.json(Replies.Tested.of(result, type));
  }

  /**
   * Tests each of the user's connections; one entry per connection, shaped like {@link #test}'s
   * answer.
   */
  void testAll(Context ctx) {
    UserId user = JwtAuthenticator.user(ctx);
    ctx.json(
        connections.testAll(user).stream()
            .map(t -> Replies.Tested.of(t.result(), t.type()))
            .toList());
  }

  /** The connection's calls over the last 30 days, day by day and per action. */
  void usage(Context ctx) {
    UserId user = JwtAuthenticator.user(ctx);
    IntegrationType type = Params.integrationType(ctx.pathParam("type"));
    ctx.json(HealthBodies.Usage.of(connections.usage(user, type)));
  }

  void disconnect(Context ctx) {
    UserId user = JwtAuthenticator.user(ctx);
    IntegrationType type = Params.integrationType(ctx);
    DisconnectResult result = connections.disconnect(user, type);
    ctx.json(Replies.Disconnected.of(type, result));
  }

  void disconnectAll(Context ctx) {
    UserId user = JwtAuthenticator.user(ctx);
    ctx.json(connections.disconnectAll(user).stream().map(Replies.DisconnectedOne::of).toList());
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
