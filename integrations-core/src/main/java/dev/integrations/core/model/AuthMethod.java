package dev.integrations.core.model;

/** How a user proves to a provider that we may act for them. */
public enum AuthMethod {
  /** OAuth 2.0 authorization-code flow with PKCE; tokens are refreshed. */
  OAUTH2,
  /** A long-lived token the user pastes (a Telegram bot token); validated, never refreshed. */
  BOT_TOKEN
}
