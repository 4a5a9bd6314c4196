package dev.integrations.providers.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.integrations.core.error.CredentialsRejectedException;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.InvalidRequestException;
import dev.integrations.core.error.ProviderException;
import dev.integrations.core.model.Account;
import dev.integrations.core.model.AuthMethod;
import dev.integrations.core.model.Capability;
import dev.integrations.core.model.ChatMessage;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.Integration;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.ProxyRequest;
import dev.integrations.core.model.ProxyResponse;
import dev.integrations.core.model.RevocationResult;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.SentMessage;
import dev.integrations.core.model.TestResult;
import dev.integrations.core.port.BotTokenProviderPort;
import dev.integrations.core.port.MessagingPort;
import dev.integrations.core.port.ProxyPort;
import dev.integrations.providers.telegram.internal.BotApi;
import dev.integrations.providers.telegram.internal.BotMethod;
import dev.integrations.providers.telegram.internal.BotToken;
import dev.integrations.providers.telegram.internal.ChatPacer;
import dev.integrations.providers.telegram.internal.FormattedText;
import dev.integrations.providers.telegram.internal.TokenRejectedException;
import java.math.BigInteger;
import java.util.Set;

/**
 * The Telegram adapter: validates and tests bot tokens with {@code getMe} and sends messages with
 * {@code sendMessage}, paced within Telegram's limits. Built by {@link TelegramProviders}.
 *
 * <p>Immutable and thread-safe.
 *
 * @see <a href="https://core.telegram.org/bots/api">Telegram Bot API</a>
 */
final class TelegramBotClient implements BotTokenProviderPort, MessagingPort, ProxyPort {
  static final Integration INTEGRATION =
      new Integration(
          IntegrationType.TELEGRAM,
          "Telegram",
          "Send messages via Telegram bot",
          "message-circle",
          AuthMethod.BOT_TOKEN,
          Set.of(),
          "telegram",
          Set.of(Capability.MESSAGES),
          true);

  private final BotApi api;
  private final ChatPacer pacer;
  private final ProxyPort proxy;

  TelegramBotClient(BotApi api, ChatPacer pacer, ProxyPort proxy) {
    this.api = api;
    this.pacer = pacer;
    this.proxy = proxy;
  }

  @Override
  public Integration integration() {
    return INTEGRATION;
  }

  /**
   * Checks the token's shape without a network call, then asks Telegram whose it is ({@code
   * getMe}).
   *
   * @see <a href="https://core.telegram.org/bots/api#getme">getMe</a>
   */
  @Override
  public Account validate(Secret token) {
    BotToken botToken = BotToken.parse(token);
    try {
      return getMe(botToken);
    } catch (TokenRejectedException e) {
      throw new InvalidRequestException(
          ErrorCode.INVALID_CREDENTIALS, "Telegram rejected the bot token: " + e.description());
    }
  }

  /**
   * Calls {@code getMe} with the stored token. Throws {@link CredentialsRejectedException} when
   * Telegram refuses the token; any other refusal is a failed result; an unreachable, failing or
   * rate-limiting Telegram is a {@link ProviderException}.
   */
  @Override
  public TestResult test(Credentials credentials) {
    try {
      Account bot = getMe(storedToken(credentials));
      return TestResult.passed("Telegram bot " + bot.displayName() + " is connected.", bot);
    } catch (ProviderException e) {
      if (e.code() != ErrorCode.PROVIDER_REJECTED) {
        throw e;
      }
      return TestResult.failed(e.code(), e.getMessage());
    }
  }

  /** Telegram offers no way to revoke a bot token through the API. */
  @Override
  public RevocationResult revoke(Credentials credentials) {
    return new RevocationResult(false, false, "Telegram bot tokens are revoked in @BotFather.");
  }

  /**
   * Sends a message, after waiting for the chat's next free slot. The chat id is a numeric chat id
   * or {@code @channelusername}. Text longer than 4096 characters after entity parsing is refused
   * before any call. A request that may have reached Telegram is never repeated.
   *
   * @see <a href="https://core.telegram.org/bots/api#sendmessage">sendMessage</a>
   */
  @Override
  public SentMessage send(Credentials credentials, ChatMessage message) {
    if (!message.chatId().matches("-?\\d{1,20}|@[A-Za-z][A-Za-z0-9_]{3,31}")) {
      throw new InvalidRequestException("chat_id must be a numeric chat id or @channelusername.");
    }
    BotToken token = storedToken(credentials);
    checkVisibleLength(message);
    ObjectNode params = BotApi.params();
    if (message.chatId().startsWith("@")) {
      params.put("chat_id", message.chatId());
    } else {
      params.put("chat_id", new BigInteger(message.chatId()));
    }
    params.put("text", message.text());
    if (message.parseMode() != null) {
      params.put("parse_mode", message.parseMode());
    }
    if (message.disableNotification()) {
      params.put("disable_notification", true);
    }
    pacer.awaitSlot(token.botId(), message.chatId());
    JsonNode sent = api.call(token, BotMethod.SEND_MESSAGE, params);
    if (!sent.path("message_id").canConvertToLong()) {
      throw new ProviderException(
          ErrorCode.PROVIDER_ERROR, "Telegram did not say which message it sent.");
    }
    return new SentMessage(sent.get("message_id").asLong());
  }

  /**
   * Calls any Bot API method, {@code /bot<token>/<method>}, with the stored token in the path. Not
   * paced: a proxied {@code sendMessage} counts against Telegram's limits without waiting for a
   * slot.
   */
  @Override
  public ProxyResponse call(Credentials credentials, ProxyRequest request) {
    return proxy.call(credentials, request);
  }

  private Account getMe(BotToken token) {
    JsonNode me = api.call(token, BotMethod.GET_ME, null);
    String id = me.path("id").asText(token.botId());
    String username = me.path("username").asText("");
    return new Account(id, username.isEmpty() ? me.path("first_name").asText(id) : "@" + username);
  }

  private static BotToken storedToken(Credentials credentials) {
    try {
      return BotToken.parse(credentials.accessToken());
    } catch (InvalidRequestException malformed) {
      throw new CredentialsRejectedException(
          "The stored Telegram bot token is malformed; connect again with the token from"
              + " @BotFather.");
    }
  }

  private static void checkVisibleLength(ChatMessage message) {
    if (message.parseMode() == null) {
      return; // ChatMessage checked plain text already.
    }
    int length = FormattedText.visibleLength(message.text(), message.parseMode());
    if (length == 0) {
      throw new InvalidRequestException(
          "A message text is required: the "
              + message.parseMode()
              + " markup leaves no visible text.");
    }
    if (length > ChatMessage.MAX_TEXT_LENGTH) {
      throw new InvalidRequestException(
          "A message text has at most "
              + ChatMessage.MAX_TEXT_LENGTH
              + " characters after "
              + message.parseMode()
              + " formatting; this one has "
              + length
              + ".");
    }
  }

  @Override
  public String toString() {
    return "TelegramBotClient[" + api + "]";
  }
}
