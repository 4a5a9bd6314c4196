package dev.integrations.providers.catalog;

import java.util.Arrays;
import java.util.Optional;

/** How a user connects a catalog provider: the catalog's {@code auth} field. */
public enum AuthKind {
  /** The OAuth 2.0 authorization-code flow (with PKCE unless the entry says otherwise). */
  OAUTH2("oauth2"),
  /** A bot token the user pastes (Telegram, Discord bots). */
  BOT_TOKEN("bot_token"),
  /** An API key or system-user token the user pastes (WhatsApp Business Cloud API). */
  API_KEY("api_key");

  private final String wireName;

  AuthKind(String wireName) {
    this.wireName = wireName;
  }

  /** The name the catalog writes. */
  public String wireName() {
    return wireName;
  }

  /** The kind the catalog calls {@code name}, if any. */
  public static Optional<AuthKind> of(String name) {
    return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
  }
}
