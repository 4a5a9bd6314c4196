package dev.integrations.core.model;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.InvalidRequestException;
import java.util.regex.Pattern;

/**
 * The identifier of a kind of connectable service, such as {@code gmail}. Open-ended: a provider
 * adapter may introduce new ones. Lowercase letters, digits and underscores, starting with a
 * letter.
 */
public record IntegrationType(String value) {
  private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  /** Gmail, through Google OAuth. */
  public static final IntegrationType GMAIL = new IntegrationType("gmail");

  /** Google Drive, through Google OAuth. */
  public static final IntegrationType GOOGLE_DRIVE = new IntegrationType("google_drive");

  /** Telegram, through a bot token. */
  public static final IntegrationType TELEGRAM = new IntegrationType("telegram");

  /** Refuses a malformed identifier with {@code invalid_integration_type}. */
  public IntegrationType {
    if (value == null || !VALID.matcher(value).matches()) {
      throw new InvalidRequestException(
          ErrorCode.INVALID_INTEGRATION_TYPE, "Invalid integration type");
    }
  }

  /** The type named {@code value}; {@code invalid_integration_type} when malformed. */
  public static IntegrationType of(String value) {
    return new IntegrationType(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
