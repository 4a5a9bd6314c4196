package dev.integrations.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.integrations.core.error.InvalidRequestException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretsStayHiddenTest {
  @Test
  void no_value_type_prints_a_token() {
    Secret access = Secret.of("ya29.SECRET-ACCESS");
    Secret refresh = Secret.of("1//SECRET-REFRESH");
    Credentials credentials = new Credentials(access, refresh, Instant.EPOCH, Set.of("scope"));
    TokenGrant grant = new TokenGrant(access, refresh, Duration.ofHours(1), null);
    AuthorizationRequest request =
        new AuthorizationRequest(
            Secret.of("SECRET-STATE"),
            UserId.of("ann"),
            IntegrationType.GMAIL,
            Secret.of("SECRET-VERIFIER"),
            URI.create("http://localhost/cb"),
            Instant.EPOCH);

    for (Object value : List.of(access, credentials, grant, request)) {
      assertThat(value.toString()).doesNotContain("SECRET").contains("***");
    }
    assertThat(credentials.toString()).contains("scope");
  }

  @Test
  void header_values_with_line_breaks_are_refused() {
    assertThatThrownBy(
            () -> MailMessage.text(List.of("bob@example.com"), "Hi\r\nBcc: eve@example.com", "x"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("subject");
    assertThatThrownBy(
            () -> MailMessage.text(List.of("bob@example.com\nBcc: eve@example.com"), "Hi", "x"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("to");
    assertThatThrownBy(() -> MailMessage.text(List.of(), "Hi", "x"))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void chat_messages_are_checked_before_any_call() {
    assertThat(ChatMessage.text("@my_channel", "hi").chatId()).isEqualTo("@my_channel");
    assertThat(ChatMessage.text("-1001234567890", "hi").chatId()).isEqualTo("-1001234567890");
    assertThat(new ChatMessage("1", "<b>x</b>", "html", false).parseMode()).isEqualTo("HTML");
    assertThat(ChatMessage.text("1", "é".repeat(4096)).text()).hasSize(4096);
    assertThatThrownBy(() -> ChatMessage.text("1", "x".repeat(4097)))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> ChatMessage.text("1", "")).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> ChatMessage.text("not a chat", "hi"))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> new ChatMessage("1", "hi", "Markdown", false))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void expiry_is_judged_with_the_margin() {
    Instant now = Instant.parse("2026-11-21T10:00:00Z");
    Credentials expiring = new Credentials(Secret.of("a"), null, now.plusSeconds(60), Set.of());
    assertThat(expiring.expiresWithin(Duration.ofSeconds(60), now)).isTrue();
    assertThat(expiring.expiresWithin(Duration.ofSeconds(59), now)).isFalse();
    assertThat(Credentials.ofToken(Secret.of("t")).expiresWithin(Duration.ofDays(999), now))
        .isFalse();
  }
}
