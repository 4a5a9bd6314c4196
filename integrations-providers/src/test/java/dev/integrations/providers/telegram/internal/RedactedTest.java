package dev.integrations.providers.telegram.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.integrations.core.model.Secret;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class RedactedTest {
  private static final String TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

  @Test
  void copies_an_exception_chain_without_the_token_but_with_its_classes_and_frames() {
    IOException cause = new IOException("reading https://api.telegram.org/bot" + TOKEN + "/getMe");
    IOException failure = new IOException("call to /bot" + TOKEN + "/sendMessage failed", cause);
    failure.addSuppressed(new IllegalStateException("retry of " + TOKEN));

    Redacted redacted = Redacted.of(failure, BotToken.parse(Secret.of(TOKEN)));
    StringWriter printed = new StringWriter();
    redacted.printStackTrace(new PrintWriter(printed));

    assertThat(printed.toString())
        .doesNotContain("AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw")
        .contains("java.io.IOException: call to /bot123456789:***/sendMessage failed")
        .contains(
            "Caused by: java.io.IOException: reading"
                + " https://api.telegram.org/bot123456789:***/getMe")
        .contains("Suppressed: java.lang.IllegalStateException: retry of 123456789:***")
        .contains("RedactedTest.copies_an_exception_chain");
  }
}
