package dev.integrations.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.InvalidRequestException;
import dev.integrations.core.error.ProviderException;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.MailMessage;
import dev.integrations.core.model.MailQuery;
import dev.integrations.core.model.MailSummary;
import dev.integrations.core.model.SentMail;
import dev.integrations.core.model.UserId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outlook's mail through the library (the real catalog entry and plug-in) against the Graph
 * stand-in.
 */
class OutlookMailThroughLibraryTest {
  static final IntegrationType OUTLOOK = IntegrationType.of("outlook");
  static final String SEND = "/v1.0/me/sendMail";

  @TempDir static Path dir;
  static StandInWiring library;

  @BeforeAll
  static void start() {
    library = new StandInWiring(dir, Map.of());
  }

  @AfterAll
  static void stop() {
    library.close();
  }

  private static MailMessage hello(String to) {
    return new MailMessage(
        List.of(to),
        List.of("Carl <carl@contoso.com>"),
        List.of(),
        "Grüße aus Köln 👋",
        "Bis später.",
        null);
  }

  @Test
  void sends_utf8_mail_as_graph_json_and_answers_without_an_id() {
    UserId ann = library.connect("mail-ann", "outlook", library.microsoft);

    SentMail sent = library.actions().sendMail(ann, OUTLOOK, hello("Zoë Müller <zoe@contoso.com>"));

    assertThat(sent).isEqualTo(new SentMail(null, null));
    List<JsonNode> received = library.microsoft.sentMail("mail-ann");
    assertThat(received).hasSize(1);
    JsonNode message = received.get(0);
    assertThat(message.path("subject").asText()).isEqualTo("Grüße aus Köln 👋");
    assertThat(message.path("body").path("contentType").asText()).isEqualTo("Text");
    assertThat(message.path("body").path("content").asText()).isEqualTo("Bis später.");
    assertThat(message.path("toRecipients").get(0).path("emailAddress").path("address").asText())
        .isEqualTo("zoe@contoso.com");
    assertThat(message.path("toRecipients").get(0).path("emailAddress").path("name").asText())
        .isEqualTo("Zoë Müller");
    assertThat(message.path("ccRecipients").get(0).path("emailAddress").path("address").asText())
        .isEqualTo("carl@contoso.com");
  }

  @Test
  void an_html_body_is_sent_as_graph_html() {
    UserId ida = library.connect("mail-ida", "outlook", library.microsoft);

    library
        .actions()
        .sendMail(
            ida,
            OUTLOOK,
            new MailMessage(
                List.of("zoe@contoso.com"),
                List.of(),
                List.of(),
                "Plan",
                "Plan: see attached",
                "<p>Plan</p>"));

    JsonNode body = library.microsoft.sentMail("mail-ida").get(0).path("body");
    assertThat(body.path("contentType").asText()).isEqualTo("HTML");
    assertThat(body.path("content").asText()).isEqualTo("<p>Plan</p>");
  }

  @Test
  void a_malformed_address_is_refused_before_graph_is_called() {
    UserId bob = library.connect("mail-bob", "outlook", library.microsoft);
    int before = library.microsoft.callsTo(SEND).size();

    assertThatThrownBy(
            () -> library.actions().sendMail(bob, OUTLOOK, hello("zoe@contoso.com, <eve@")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("is not a valid e-mail address");
    assertThat(library.microsoft.callsTo(SEND)).hasSize(before);
  }

  @Test
  void searches_with_a_quoted_search_and_maps_each_message() {
    UserId cem = library.connect("mail-cem", "outlook", library.microsoft);

    List<MailSummary> found =
        library.actions().searchMail(cem, OUTLOOK, new MailQuery("report", 5));

    assertThat(found)
        .containsExactly(
            new MailSummary(
                "AAMkAGI2TG93AAA=",
                "AAQkAGI2-TG93",
                "Ann Example <ann@contoso.com>",
                "Quarterly report",
                "The numbers for Q3 are in.",
                Instant.parse("2026-01-03T09:00:00Z")));
    RecordedRequest call = last("/v1.0/me/messages");
    assertThat(call.getUrl().queryParameter("$search")).isEqualTo("\"report\"");
    assertThat(call.getUrl().queryParameter("$top")).isEqualTo("5");
    assertThat(call.getHeaders().get("ConsistencyLevel")).isEqualTo("eventual");
  }

  @Test
  void without_a_query_the_newest_messages_come_first() {
    UserId dan = library.connect("mail-dan", "outlook", library.microsoft);

    List<MailSummary> found = library.actions().searchMail(dan, OUTLOOK, new MailQuery("", 3));

    assertThat(found)
        .extracting(MailSummary::subject)
        .containsExactly("Quarterly report", "Réunion lundi", "Invoice 42");
    assertThat(found.get(1).from()).isEqualTo("Zoë Müller <zoe@contoso.com>");
  }

  @Test
  void a_429_is_waited_out_for_its_retry_after_and_the_mail_sent_once() {
    UserId eve = library.connect("mail-eve", "outlook", library.microsoft);
    library.microsoft.failNext("sendMail", 429, 1, "1", false);
    int before = library.microsoft.callsTo(SEND).size();

    long started = System.nanoTime();
    library.actions().sendMail(eve, OUTLOOK, hello("zoe@contoso.com"));

    assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(1_000_000_000L);
    assertThat(library.microsoft.callsTo(SEND)).hasSize(before + 2);
    assertThat(library.microsoft.sentMail("mail-eve")).hasSize(1);
  }

  @Test
  void a_5xx_after_graph_took_the_mail_is_reported_and_not_repeated() {
    UserId fay = library.connect("mail-fay", "outlook", library.microsoft);
    library.microsoft.failNext("sendMail", 503, 1, null, true);
    int before = library.microsoft.callsTo(SEND).size();

    assertThatThrownBy(() -> library.actions().sendMail(fay, OUTLOOK, hello("zoe@contoso.com")))
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining("It was not repeated")
        .extracting("code")
        .isEqualTo(ErrorCode.PROVIDER_ERROR);
    assertThat(library.microsoft.callsTo(SEND)).hasSize(before + 1);
    assertThat(library.microsoft.sentMail("mail-fay")).hasSize(1);
  }

  @Test
  void an_expired_token_is_refreshed_and_the_mail_sent_once() {
    UserId gus = library.connect("mail-gus", "outlook", library.microsoft);
    library.microsoft.expireAccessTokens();

    library.actions().sendMail(gus, OUTLOOK, hello("zoe@contoso.com"));

    assertThat(library.microsoft.sentMail("mail-gus")).hasSize(1);
  }

  private static RecordedRequest last(String path) {
    List<RecordedRequest> calls = library.microsoft.callsTo(path);
    return calls.get(calls.size() - 1);
  }
}
