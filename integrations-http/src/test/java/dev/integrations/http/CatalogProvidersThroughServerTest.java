package dev.integrations.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.testing.providers.CatalogStandIn;
import dev.integrations.testing.providers.DiscordStandIn;
import dev.integrations.testing.providers.DropboxStandIn;
import dev.integrations.testing.providers.GitHubStandIn;
import dev.integrations.testing.providers.MicrosoftStandIn;
import dev.integrations.testing.providers.NotionStandIn;
import dev.integrations.testing.providers.SlackStandIn;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every bundled provider through the real server and its real wiring, against strict local
 * stand-ins: connect (consent in a browser, callback, stored; or a bot token), test (the account
 * named), the proxy (a real API call of the provider's), and disconnect (revoked where the provider
 * can, otherwise "forgotten here, not revoked"). One server and one set of stand-ins for the class;
 * each test its own user.
 */
class CatalogProvidersThroughServerTest {
  static final URI REDIRECT = URI.create(StandIns.PUBLIC_URL + "/api/integrations/callback");
  static final int MAX_REQUEST_BYTES = 64 * 1024;

  static StandIns google;
  static SlackStandIn slack;
  static GitHubStandIn github;
  static MicrosoftStandIn microsoft;
  static NotionStandIn notion;
  static DiscordStandIn discord;
  static DropboxStandIn dropbox;
  static Path catalogFile;
  static TestServer server;
  static ProviderFlows flows;

  @BeforeAll
  static void start() throws IOException {
    google = new StandIns();
    slack = new SlackStandIn("slack-test-client", REDIRECT);
    github = new GitHubStandIn("github-test-client", REDIRECT);
    microsoft = new MicrosoftStandIn("microsoft-test-client", REDIRECT, "contoso-tenant");
    notion = new NotionStandIn("notion-test-client", REDIRECT);
    discord = new DiscordStandIn();
    dropbox = new DropboxStandIn("dropbox-test-client", REDIRECT);
    catalogFile = Files.createTempFile("providers-", ".yaml");
    Map<String, String> env = new HashMap<>(google.env());
    env.putAll(
        CatalogStandIn.settings(
            catalogFile, "", slack, github, microsoft, notion, discord, dropbox));
    env.put("INTEGRATIONS_MAX_REQUEST_BYTES", String.valueOf(MAX_REQUEST_BYTES));
    server = TestServer.start(env);
    flows = new ProviderFlows(server);
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
    for (AutoCloseable standIn :
        new AutoCloseable[] {google, slack, github, microsoft, notion, discord, dropbox}) {
      try {
        standIn.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    Files.deleteIfExists(catalogFile);
  }

  @Test
  void every_provider_is_listed_as_configured() {
    JsonNode list = Json.parse(server.get("/api/integrations", server.token("lister")).body());
    Map<String, Boolean> configured = new HashMap<>();
    list.forEach(
        entry -> configured.put(entry.path("type").asText(), entry.path("configured").asBoolean()));
    assertThat(configured)
        .containsOnlyKeys(
            "gmail",
            "google_drive",
            "telegram",
            "slack",
            "github",
            "outlook",
            "onedrive",
            "microsoft_teams",
            "notion",
            "discord",
            "dropbox",
            "whatsapp")
        .doesNotContainValue(false);
  }

  @Test
  void slack_connects_with_a_user_token_posts_a_message_and_revokes() {
    String jwt = flows.connect("slack-user", "slack", slack);
    HttpUrl consent = slack.callsTo("/oauth/v2/authorize").get(0).getUrl();
    assertThat(consent.queryParameter("user_scope")).isEqualTo("chat:write,channels:read");

    flows.assertTested(jwt, "slack", "Connected to Slack as slack-user.");

    HttpResponse<String> posted =
        flows.proxy(
            jwt,
            "POST",
            "slack",
            "chat.postMessage",
            "{\"channel\":\"C0123\",\"text\":\"Deployed\"}",
            "application/json");
    assertThat(posted.statusCode()).isEqualTo(200);
    assertThat(Json.parse(posted.body()).path("ok").asBoolean()).isTrue();
    RecordedRequest call = ProviderFlows.last(slack.callsTo("/api/chat.postMessage"));
    String token = call.getHeaders().get("Authorization").substring("Bearer ".length());
    assertThat(token).startsWith("xoxp-").isNotEqualTo(jwt);
    assertThat(slack.isLive(token)).isTrue();
    assertThat(call.getHeaders().get("Cookie")).isNull();

    HttpResponse<String> refused =
        flows.proxy(
            jwt,
            "POST",
            "slack",
            "chat.postMessage",
            "{\"channel\":\"" + SlackStandIn.UNKNOWN_CHANNEL + "\",\"text\":\"Deployed\"}",
            "application/json");
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).isEqualTo("{\"ok\":false,\"error\":\"channel_not_found\"}");

    JsonNode revocation = flows.disconnect(jwt, "slack");
    assertThat(revocation.path("revoked").asBoolean()).isTrue();
    assertThat(slack.isLive(token)).isFalse();
    assertThat(
            ProviderFlows.last(slack.callsTo("/api/auth.revoke")).getHeaders().get("Authorization"))
        .isEqualTo("Bearer " + token);
    assertThat(flows.proxy(jwt, "GET", "slack", "auth.test", null, null).statusCode())
        .isEqualTo(404);
  }

  @Test
  void github_tokens_never_expire_the_proxy_passes_paging_back_and_disconnect_only_forgets() {
    String jwt = flows.connect("github-user", "github", github);
    assertThat(
            ProviderFlows.last(github.callsTo("/login/oauth/access_token"))
                .getHeaders()
                .get("Accept"))
        .contains("application/json");

    flows.assertTested(jwt, "github", "Connected to GitHub as github-user.");

    HttpResponse<String> repos =
        flows.proxy(jwt, "GET", "github", "user/repos?per_page=1", null, null);
    assertThat(repos.statusCode()).isEqualTo(200);
    assertThat(Json.parse(repos.body()).get(0).path("full_name").asText())
        .isEqualTo("github-user/hello-world");
    assertThat(repos.headers().firstValue("Link"))
        .hasValueSatisfying(link -> assertThat(link).contains("rel=\"next\""));
    assertThat(repos.headers().firstValue("X-RateLimit-Remaining")).contains("4998");
    RecordedRequest call = ProviderFlows.last(github.callsTo("/user/repos"));
    assertThat(call.getUrl().queryParameter("per_page")).isEqualTo("1");
    assertThat(call.getHeaders().get("X-GitHub-Api-Version")).isEqualTo("2022-11-28");
    String token = call.getHeaders().get("Authorization").substring("Bearer ".length());

    assertThat(flows.proxy(jwt, "HEAD", "github", "user", null, null).statusCode()).isEqualTo(200);
    assertThat(ProviderFlows.last(github.callsTo("/user")).getMethod()).isEqualTo("HEAD");

    HttpResponse<String> tarball =
        flows.proxy(jwt, "GET", "github", "repos/octo/hello-world/tarball", null, null);
    assertThat(tarball.statusCode())
        .as("the redirect to another host comes back, it is not followed")
        .isEqualTo(302);
    assertThat(tarball.headers().firstValue("Location"))
        .hasValueSatisfying(
            location -> assertThat(location).startsWith("https://codeload.github.com/"));

    JsonNode revocation = flows.disconnect(jwt, "github");
    assertThat(revocation.path("attempted").asBoolean()).isFalse();
    assertThat(revocation.path("revoked").asBoolean()).isFalse();
    assertThat(revocation.path("message").asText()).contains("forgotten here, not revoked");
    assertThat(github.isLive(token))
        .as("GitHub still honours the token: it was only forgotten here")
        .isTrue();
  }

  @Test
  void outlook_uses_the_configured_tenant_and_saves_rotated_refresh_tokens() {
    String jwt = flows.connect("ms-user", "outlook", microsoft);
    HttpUrl consent = microsoft.callsTo("/contoso-tenant/oauth2/v2.0/authorize").get(0).getUrl();
    assertThat(consent.queryParameter("scope"))
        .isEqualTo("User.Read Mail.Send Mail.Read offline_access");

    flows.assertTested(
        jwt, "outlook", "Connected to Outlook as " + MicrosoftStandIn.principal("ms-user") + ".");

    HttpResponse<String> messages =
        flows.proxy(jwt, "GET", "outlook", "me/messages?$top=1", null, null);
    assertThat(messages.statusCode()).isEqualTo(200);
    assertThat(Json.parse(messages.body()).path("value").get(0).path("subject").asText())
        .isEqualTo("Quarterly report");

    for (int round = 1; round <= 2; round++) {
      microsoft.expireAccessTokens(); // Graph answers 401; each refresh rotates the refresh token
      HttpResponse<String> again = flows.proxy(jwt, "GET", "outlook", "me", null, null);
      assertThat(again.statusCode()).as("round %d: %s", round, again.body()).isEqualTo(200);
      assertThat(Json.parse(again.body()).path("userPrincipalName").asText())
          .isEqualTo(MicrosoftStandIn.principal("ms-user"));
    }

    JsonNode revocation = flows.disconnect(jwt, "outlook");
    assertThat(revocation.path("revoked").asBoolean()).isFalse();
    assertThat(revocation.path("message").asText()).contains("forgotten here, not revoked");
  }

  @Test
  void notion_exchanges_with_basic_auth_and_json_and_every_api_call_carries_its_version() {
    String jwt = flows.connect("notion-user", "notion", notion);
    RecordedRequest exchange = ProviderFlows.last(notion.callsTo("/v1/oauth/token"));
    assertThat(exchange.getHeaders().get("Authorization")).startsWith("Basic ");
    assertThat(exchange.getHeaders().get("Content-Type")).startsWith("application/json");

    flows.assertTested(jwt, "notion", "Connected to Notion as Acme Sync.");

    HttpResponse<String> search =
        flows.proxy(jwt, "POST", "notion", "search", "{\"query\":\"Roadmap\"}", "application/json");
    assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
    assertThat(Json.parse(search.body()).path("object").asText()).isEqualTo("list");
    assertThat(ProviderFlows.last(notion.callsTo("/v1/search")).getHeaders().get("Notion-Version"))
        .isEqualTo("2022-06-28");

    JsonNode revocation = flows.disconnect(jwt, "notion");
    assertThat(revocation.path("revoked").asBoolean()).isTrue();
    assertThat(notion.grants()).noneMatch(g -> g.account().equals("notion-user"));
  }

  @Test
  void discord_connects_with_a_bot_token_and_its_answers_come_back_as_they_are() {
    String jwt = server.token("discord-user");
    HttpResponse<String> connected =
        server.post(
            "/api/integrations/connect",
            jwt,
            "{\"integration_type\":\"discord\",\"bot_token\":\""
                + DiscordStandIn.BOT_TOKEN
                + "\"}");
    assertThat(connected.statusCode()).as(connected.body()).isEqualTo(200);

    flows.assertTested(jwt, "discord", "Connected to Discord as " + DiscordStandIn.BOT_NAME + ".");

    HttpResponse<String> sent =
        flows.proxy(
            jwt,
            "POST",
            "discord",
            "channels/" + DiscordStandIn.CHANNEL + "/messages",
            "{\"content\":\"Deployed\"}",
            "application/json");
    assertThat(sent.statusCode()).isEqualTo(200);
    assertThat(Json.parse(sent.body()).path("content").asText()).isEqualTo("Deployed");
    assertThat(sent.headers().firstValue("X-RateLimit-Remaining")).contains("4");
    assertThat(ProviderFlows.last(discord.calls).getHeaders().get("Authorization"))
        .isEqualTo("Bot " + DiscordStandIn.BOT_TOKEN);

    HttpResponse<String> unknown =
        flows.proxy(
            jwt,
            "POST",
            "discord",
            "channels/42/messages",
            "{\"content\":\"Deployed\"}",
            "application/json");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).isEqualTo("{\"message\": \"Unknown Channel\", \"code\": 10003}");

    JsonNode revocation = flows.disconnect(jwt, "discord");
    assertThat(revocation.path("revoked").asBoolean()).isFalse();
    assertThat(revocation.path("message").asText())
        .isEqualTo(
            "Discord tokens are revoked by their owner at Discord; this one was forgotten here.");
  }

  @Test
  void dropbox_asks_for_offline_access_keeps_its_refresh_token_and_revokes() {
    String jwt = flows.connect("dropbox-user", "dropbox", dropbox);
    assertThat(
            dropbox
                .callsTo("/oauth2/authorize")
                .get(0)
                .getUrl()
                .queryParameter("token_access_type"))
        .isEqualTo("offline");

    flows.assertTested(jwt, "dropbox", "Connected to Dropbox as dropbox-user@example.com.");

    HttpResponse<String> listed =
        flows.proxy(
            jwt, "POST", "dropbox", "files/list_folder", "{\"path\":\"\"}", "application/json");
    assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
    assertThat(Json.parse(listed.body()).path("entries").get(0).path("name").asText())
        .isEqualTo("report.pdf");

    for (int round = 1; round <= 2; round++) {
      dropbox.expireAccessTokens(); // refresh answers carry no refresh token: the first one must be
      // kept
      HttpResponse<String> account =
          flows.proxy(jwt, "POST", "dropbox", "users/get_current_account", null, null);
      assertThat(account.statusCode()).as("round %d: %s", round, account.body()).isEqualTo(200);
      assertThat(Json.parse(account.body()).path("email").asText())
          .isEqualTo("dropbox-user@example.com");
    }

    JsonNode revocation = flows.disconnect(jwt, "dropbox");
    assertThat(revocation.path("revoked").asBoolean()).isTrue();
    assertThat(dropbox.grants()).noneMatch(g -> g.account().equals("dropbox-user"));
  }

  @Test
  void gmail_proxies_to_the_google_api_root_with_the_google_grant() {
    String jwt = server.token("gmail-user");
    google.connectGoogle(server, jwt, "gmail");

    HttpResponse<String> profile =
        flows.proxy(jwt, "GET", "gmail", "gmail/v1/users/me/profile", null, null);

    assertThat(profile.statusCode()).as(profile.body()).isEqualTo(200);
    assertThat(Json.parse(profile.body()).path("emailAddress").asText())
        .isEqualTo(StandIns.ACCOUNT);
  }

  @Test
  void telegram_proxies_bot_api_methods_with_the_token_in_the_path() {
    String jwt = server.token("telegram-user");
    google.connectTelegram(server, jwt);

    HttpResponse<String> me = flows.proxy(jwt, "GET", "telegram", "getMe", null, null);

    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(Json.parse(me.body()).path("result").path("username").asText())
        .isEqualTo("alerts_bot");
    assertThat(ProviderFlows.last(google.telegramCallsTo("getMe")).getUrl().encodedPath())
        .isEqualTo("/bot" + StandIns.BOT_TOKEN + "/getMe");
  }

  @Test
  void the_proxy_refuses_what_would_leave_the_api_or_is_too_large_and_answers_not_connected() {
    String jwt = server.token("careful-user");
    assertThat(ProviderFlows.error(flows.proxy(jwt, "GET", "github", "user", null, null), 404))
        .isEqualTo("not_connected");

    String connected = flows.connect("careful-user", "github", github);
    int before = github.calls.size();
    assertThat(
            ProviderFlows.error(
                flows.proxy(connected, "GET", "github", "user/%2e%2e/%2e%2e/admin", null, null),
                400))
        .isEqualTo("invalid_request");
    assertThat(
            ProviderFlows.error(
                flows.proxy(connected, "GET", "github", "user", "{}", "application/json"), 400))
        .isEqualTo("invalid_request");
    assertThat(
            ProviderFlows.error(
                flows.proxy(
                    connected,
                    "POST",
                    "github",
                    "user/repos",
                    "x".repeat(MAX_REQUEST_BYTES + 1),
                    "text/plain"),
                413))
        .isEqualTo("payload_too_large");
    assertThat(
            ProviderFlows.error(
                flows.proxy(connected, "GET", "no_such_provider", "user", null, null), 400))
        .isEqualTo("invalid_integration_type");
    assertThat(github.calls).hasSize(before);
  }
}
