package dev.integrations.providers.telegram.internal;

import dev.integrations.core.error.CredentialsRejectedException;

/** Telegram refused the bot token (401, or 404 on getMe): revoked in @BotFather, or never valid. */
public final class TokenRejectedException extends CredentialsRejectedException {
  private static final long serialVersionUID = 1L;

  /** Telegram's own description of the refusal. */
  private final String description;

  TokenRejectedException(String description) {
    super(
        "Telegram rejected the bot token ("
            + description
            + "). It may have been revoked in"
            + " @BotFather; connect again with a current token.");
    this.description = description;
  }

  /** Telegram's own words, such as {@code Unauthorized}. */
  public String description() {
    return description;
  }
}
