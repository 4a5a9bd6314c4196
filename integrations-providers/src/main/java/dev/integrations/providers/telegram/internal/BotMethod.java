package dev.integrations.providers.telegram.internal;

/** The Bot API methods this adapter calls, and whether repeating one is harmless. */
public enum BotMethod {
  /**
   * @see <a href="https://core.telegram.org/bots/api#getme">getMe</a>
   */
  GET_ME("getMe", "check the bot token", true),
  /**
   * @see <a href="https://core.telegram.org/bots/api#sendmessage">sendMessage</a>
   */
  SEND_MESSAGE("sendMessage", "send the message", false);

  private final String apiName;
  private final String action;
  private final boolean idempotent;

  BotMethod(String apiName, String action, boolean idempotent) {
    this.apiName = apiName;
    this.action = action;
    this.idempotent = idempotent;
  }

  /** The method's name in the URL. */
  String apiName() {
    return apiName;
  }

  /** What the call does, for messages ("send the message"). */
  String action() {
    return action;
  }

  /**
   * Whether a call that may have reached Telegram can be repeated. A sent message cannot: it would
   * arrive twice.
   */
  boolean idempotent() {
    return idempotent;
  }
}
