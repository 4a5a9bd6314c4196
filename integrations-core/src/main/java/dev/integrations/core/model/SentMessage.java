package dev.integrations.core.model;

import java.util.Objects;

/**
 * A delivered chat message as the provider identifies it: Telegram's and Discord's numeric message
 * ids, Slack's {@code ts} ({@code 1700000000.000100}), a Teams message id, WhatsApp's {@code
 * wamid.…}.
 *
 * @param id the provider's id of the message, as the provider writes it
 */
public record SentMessage(String id) {
  /** Requires a non-blank id. */
  public SentMessage {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("a sent message has an id");
    }
  }

  /** A message with a numeric id (Telegram's {@code message_id}). */
  public SentMessage(long messageId) {
    this(Long.toString(messageId));
  }

  /** Whether the id is a number that fits a {@code long} (Telegram, Discord, Teams). */
  public boolean hasNumericId() {
    return id.matches("-?\\d{1,19}") && fitsLong();
  }

  /**
   * The id as a number, for providers whose ids are numbers (Telegram's {@code message_id}).
   *
   * @throws IllegalStateException when the provider's id is not a number (Slack, WhatsApp): use
   *     {@link #id()}
   */
  public long messageId() {
    if (!hasNumericId()) {
      throw new IllegalStateException("message id '" + id + "' is not numeric; use id()");
    }
    return Long.parseLong(id);
  }

  private boolean fitsLong() {
    try {
      Long.parseLong(id);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
