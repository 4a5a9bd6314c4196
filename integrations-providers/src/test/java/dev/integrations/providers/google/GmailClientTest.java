package dev.integrations.providers.google;

import static dev.integrations.providers.google.GoogleTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.integrations.core.error.InvalidRequestException;
import dev.integrations.core.model.Account;
import dev.integrations.core.model.MailMessage;
import dev.integrations.core.model.MailQuery;
import dev.integrations.core.model.MailSummary;
import dev.integrations.core.model.SentMail;
import dev.integrations.core.model.TestResult;
import dev.integrations.core.port.MailPort;
import dev.integrations.core.port.ProviderPort;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GmailClientTest {
  private final MockWebServer server = new MockWebServer();
  private final ObjectMapper json = new ObjectMapper();
  private ProviderPort gmail;

  @BeforeEach
  void start() throws IOException {
    server.start();
    gmail = GoogleTestSupport.against(server).build().gmail();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private MailPort mail() {
    return (MailPort) gmail;
  }

  @Test
  void test_reads_the_profile_with_the_access_token_and_reports_the_account()
      throws InterruptedException {
    server.enqueue(
        json(
            200,
            """
        {"emailAddress": "ann@example.com", "messagesTotal": 12, "threadsTotal": 10, "historyId": "123"}
        """));

    TestResult result = gmail.test(GoogleTestSupport.credentials());

    RecordedRequest sent = server.takeRequest();
    assertThat(sent.getMethod()).isEqualTo("GET");
    assertThat(sent.getUrl().encodedPath()).isEqualTo("/gmail/v1/users/me/profile");
    assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer access-token-1");
    assertThat(result.success()).isTrue();
    assertThat(result.account()).isEqualTo(new Account("ann@example.com", "ann@example.com"));
    assertThat(result.message()).contains("ann@example.com");
  }

  @Test
  void sends_a_utf8_message_as_base64url_raw_mime() throws Exception {
    server.enqueue(
        json(
            200,
            """
        {"id": "18c0a", "threadId": "18c0b", "labelIds": ["SENT"]}
        """));
    MailMessage message =
        new MailMessage(
            List.of("Ann Müller <ann@example.com>"),
            List.of("cc@example.com"),
            List.of("hidden@example.com"),
            "Grüße – 你好 ✓",
            "Hallo Ann,\nschöne Grüße – 你好.\n",
            null);

    SentMail sent = mail().send(GoogleTestSupport.credentials(), message);

    assertThat(sent).isEqualTo(new SentMail("18c0a", "18c0b"));
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/gmail/v1/users/me/messages/send");
    MimeMessage received = receivedMime(request);
    assertThat(received.getSubject()).isEqualTo("Grüße – 你好 ✓");
    assertThat(received.getRecipients(RecipientType.TO))
        .containsExactly(new InternetAddress("ann@example.com", "Ann Müller", "UTF-8"));
    assertThat(((InternetAddress) received.getRecipients(RecipientType.TO)[0]).getPersonal())
        .isEqualTo("Ann Müller");
    assertThat(received.getRecipients(RecipientType.CC))
        .containsExactly(new InternetAddress("cc@example.com"));
    assertThat(received.getRecipients(RecipientType.BCC))
        .containsExactly(new InternetAddress("hidden@example.com"));
    assertThat(received.getContentType())
        .contains("text/plain")
        .containsIgnoringCase("charset=UTF-8");
    // MIME text travels with CRLF line ends (RFC 5322); the words arrive intact.
    assertThat(((String) received.getContent()).replace("\r\n", "\n"))
        .isEqualTo("Hallo Ann,\nschöne Grüße – 你好.\n");
    assertThat(received.getHeader("Subject")[0]).doesNotContain("ü").startsWith("=?UTF-8?");
  }

  @Test
  void an_html_body_makes_a_multipart_alternative_with_the_text_first() throws Exception {
    server.enqueue(json(200, "{\"id\": \"1\", \"threadId\": \"2\"}"));
    MailMessage message =
        new MailMessage(
            List.of("ann@example.com"),
            List.of(),
            List.of(),
            "Report",
            "Plain – text",
            "<p>Grüße <b>HTML</b></p>");

    mail().send(GoogleTestSupport.credentials(), message);

    MimeMessage received = receivedMime(server.takeRequest());
    assertThat(received.getContentType()).startsWith("multipart/alternative");
    MimeMultipart parts = (MimeMultipart) received.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
    assertThat(parts.getBodyPart(0).getContent()).isEqualTo("Plain – text");
    assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
    assertThat(parts.getBodyPart(1).getContent()).isEqualTo("<p>Grüße <b>HTML</b></p>");
  }

  @Test
  void a_header_injection_attempt_is_refused_before_any_request() {
    assertThatThrownBy(
            () ->
                mail()
                    .send(
                        GoogleTestSupport.credentials(),
                        MailMessage.text(
                            List.of("ann@example.com"), "Hi\r\nBcc: victim@example.com", "body")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("line breaks");
    assertThatThrownBy(
            () ->
                mail()
                    .send(
                        GoogleTestSupport.credentials(),
                        MailMessage.text(
                            List.of("ann@example.com\nBcc: victim@example.com"), "Hi", "body")))
        .isInstanceOf(InvalidRequestException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void a_malformed_address_is_refused_with_a_clear_sentence_before_any_request() {
    for (String bad :
        List.of("not an address", "ann@@example.com", "ann@example.com, bob@example.com")) {
      assertThatThrownBy(
              () ->
                  mail()
                      .send(
                          GoogleTestSupport.credentials(),
                          MailMessage.text(List.of(bad), "Hi", "body")))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessage("The to address \"" + bad + "\" is not a valid e-mail address.");
    }
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void search_lists_then_reads_each_messages_metadata_in_list_order() throws InterruptedException {
    List<RecordedRequest> seen = Collections.synchronizedList(new ArrayList<>());
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            seen.add(request);
            String path = request.getUrl().encodedPath();
            if (path.equals("/gmail/v1/users/me/messages")) {
              return json(
                  200,
                  """
              {"messages": [{"id": "m1", "threadId": "t1"}, {"id": "m2", "threadId": "t2"}],
               "resultSizeEstimate": 2}
              """);
            }
            String id = path.substring(path.lastIndexOf('/') + 1);
            return json(
                200,
                """
            {"id": "%s", "threadId": "t-%s", "snippet": "Snippet of %s", "internalDate": "1700000000000",
             "payload": {"headers": [
               {"name": "From", "value": "Bob <bob@example.com>"},
               {"name": "Subject", "value": "Subject %s"},
               {"name": "Date", "value": "Tue, 14 Nov 2023 22:13:20 +0000"}]}}
            """
                    .formatted(id, id, id, id));
          }
        });

    List<MailSummary> found =
        mail().search(GoogleTestSupport.credentials(), new MailQuery("from:bob is:unread", 2));

    assertThat(found)
        .containsExactly(
            new MailSummary(
                "m1",
                "t-m1",
                "Bob <bob@example.com>",
                "Subject m1",
                "Snippet of m1",
                Instant.ofEpochMilli(1_700_000_000_000L)),
            new MailSummary(
                "m2",
                "t-m2",
                "Bob <bob@example.com>",
                "Subject m2",
                "Snippet of m2",
                Instant.ofEpochMilli(1_700_000_000_000L)));
    RecordedRequest list = seen.get(0);
    assertThat(list.getUrl().queryParameter("q")).isEqualTo("from:bob is:unread");
    assertThat(list.getUrl().queryParameter("maxResults")).isEqualTo("2");
    RecordedRequest get = seen.get(1);
    assertThat(get.getUrl().queryParameter("format")).isEqualTo("metadata");
    assertThat(get.getUrl().queryParameterValues("metadataHeaders"))
        .containsExactly("From", "Subject", "Date");
    assertThat(seen)
        .allSatisfy(
            r ->
                assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer access-token-1"));
  }

  @Test
  void an_empty_mailbox_gives_an_empty_list_after_one_request() {
    server.enqueue(json(200, "{\"resultSizeEstimate\": 0}"));

    assertThat(mail().search(GoogleTestSupport.credentials(), new MailQuery("", 10))).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  private MimeMessage receivedMime(RecordedRequest request) throws Exception {
    JsonNode body = json.readTree(GoogleTestSupport.body(request));
    byte[] raw = Base64.getUrlDecoder().decode(body.get("raw").asText());
    return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
  }
}
