package dev.integrations.providers.telegram.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.InvalidRequestException;
import dev.integrations.core.model.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BotTokenTest {
  private static final String TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

  @Test
  void accepts_the_botfather_shape_and_exposes_only_the_bot_id() {
    BotToken token = BotToken.parse(Secret.of("  " + TOKEN + "\n"));

    assertThat(token.botId()).isEqualTo("123456789");
    assertThat(token.pathSegment()).isEqualTo("bot" + TOKEN);
    assertThat(token.toString()).doesNotContain("AAHdq");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw",
        "123456789",
        "123456789:",
        ":AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw",
        "bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw",
        "123456789:AAHdqTcv/../getUpdates",
        "123456789:AAHdq TcvCH1vGWJxfSeofSAs0K5PALDsaw",
        "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw?x=1"
      })
  void refuses_malformed_tokens_without_repeating_them(String malformed) {
    assertThatThrownBy(() -> BotToken.parse(Secret.of(malformed)))
        .isInstanceOf(InvalidRequestException.class)
        .satisfies(
            e ->
                assertThat(((InvalidRequestException) e).code())
                    .isEqualTo(ErrorCode.INVALID_CREDENTIALS))
        .hasMessageContaining("numeric id, a colon")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(malformed));
  }

  @Test
  void redacts_its_own_token_and_anything_shaped_like_one() {
    BotToken token = BotToken.parse(Secret.of("42:short-secret"));

    String redacted =
        token.redact(
            "GET /bot42:short-secret/getMe and /bot987654321:ZZZdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/x");

    assertThat(redacted)
        .isEqualTo("GET /bot42:***/getMe and /bot987654321:***/x")
        .doesNotContain("short-secret")
        .doesNotContain("ZZZdq");
  }
}
