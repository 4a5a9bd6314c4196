package dev.integrations.providers.telegram.internal;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.InvalidRequestException;
import dev.integrations.core.model.Secret;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Telegram bot token of the right shape: {@code <bot id>:<secret>}. The bot id is public; the
 * whole token is a secret that sits in the path of every Bot API URL, so {@link #toString()} hides
 * it and {@link #redact(String)} removes it from any text before the text is shown.
 *
 * <p>Immutable and thread-safe.
 */
public final class BotToken {
  private static final Pattern SHAPE = Pattern.compile("(\\d{1,20}):([A-Za-z0-9_-]{1,200})");

  /** Anything that looks like a bot token, even one we were never given. */
  private static final Pattern ANY_TOKEN = Pattern.compile("(\\d{1,20}):[A-Za-z0-9_-]{20,}");

  static final String EXPECTED_SHAPE =
      "A Telegram bot token looks like 4839574812:AAFD39kkdpWt3ywyRZergyOLMaJhac60qc: the bot's"
          + " numeric id, a colon, then letters, digits, '_' or '-'. Copy it from @BotFather.";

  private final String value;
  private final String botId;

  private BotToken(String value, String botId) {
    this.value = value;
    this.botId = botId;
  }

  /**
   * Checks the shape of a token (surrounding whitespace is ignored) without any network call.
   *
   * @throws InvalidRequestException with {@link ErrorCode#INVALID_CREDENTIALS} when it is
   *     malformed; the message says what shape is expected and never repeats the input
   */
  public static BotToken parse(Secret token) {
    String value = token.reveal().strip();
    Matcher matcher = SHAPE.matcher(value);
    if (!matcher.matches()) {
      throw new InvalidRequestException(
          ErrorCode.INVALID_CREDENTIALS, "That is not a Telegram bot token. " + EXPECTED_SHAPE);
    }
    return new BotToken(value, matcher.group(1));
  }

  /** The bot's public numeric id, the part before the colon. */
  public String botId() {
    return botId;
  }

  /** The path segment that authenticates a Bot API call. Never log or print it. */
  String pathSegment() {
    return "bot" + value;
  }

  /**
   * {@code text} with this token, and anything else shaped like a bot token, replaced by {@code
   * ***}.
   */
  public String redact(String text) {
    if (text == null) {
      return null;
    }
    String withoutMine = text.replace(value, botId + ":***");
    return ANY_TOKEN.matcher(withoutMine).replaceAll("$1:***");
  }

  @Override
  public String toString() {
    return "BotToken[bot=" + botId + ", secret=***]";
  }
}
