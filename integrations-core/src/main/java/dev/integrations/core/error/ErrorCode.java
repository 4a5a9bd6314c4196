package dev.integrations.core.error;

import java.util.Optional;

/**
 * Stable, machine-readable reason of a failure. The {@link #wireName()} is part of the public
 * contract: HTTP clients and CLI scripts match on it, so a code is never renamed.
 */
public enum ErrorCode {
  /** The caller sent something malformed or out of range. */
  INVALID_REQUEST("invalid_request"),
  /** The integration type is not in the catalog. */
  INVALID_INTEGRATION_TYPE("invalid_integration_type"),
  /** A bot-token integration was connected without a token. */
  BOT_TOKEN_REQUIRED("bot_token_required"),
  /** The credentials the user supplied are malformed or were refused by the provider. */
  INVALID_CREDENTIALS("invalid_credentials"),
  /**
   * The operation is not offered by this integration (for example the proxy, where its adapter has
   * none).
   */
  UNSUPPORTED_OPERATION("unsupported_operation"),
  /** The user has no connection to this integration. */
  NOT_CONNECTED("not_connected"),
  /** The integration's provider is not configured (for example no OAuth client id). */
  NOT_CONFIGURED("not_configured"),
  /** The OAuth state is unknown, expired, already used or belongs to someone else. */
  INVALID_STATE("invalid_state"),
  /** The user declined the consent screen. */
  ACCESS_DENIED("access_denied"),
  /** The user granted fewer scopes than the integration needs. */
  MISSING_SCOPES("missing_scopes"),
  /** The provider no longer accepts the stored grant; the user must connect again. */
  REAUTHORIZATION_REQUIRED("reauthorization_required"),
  /** The provider refused the stored credentials (revoked bot token, 401 after a refresh). */
  CREDENTIALS_REJECTED("credentials_rejected"),
  /** The provider refused the request itself (bad chat id, bad query). */
  PROVIDER_REJECTED("provider_rejected"),
  /** The provider kept answering 429 after the bounded retries. */
  RATE_LIMITED("rate_limited"),
  /** The provider answered with an error after the bounded retries. */
  PROVIDER_ERROR("provider_error"),
  /** The provider could not be reached after the bounded retries. */
  PROVIDER_UNAVAILABLE("provider_unavailable"),
  /** The provider did not answer in time after the bounded retries. */
  PROVIDER_TIMEOUT("provider_timeout"),
  /** The payload is larger than the configured limit. */
  PAYLOAD_TOO_LARGE("payload_too_large"),
  /** Another writer changed the stored credentials first. */
  CONCURRENT_UPDATE("concurrent_update"),
  /** The store failed or a stored value could not be decrypted. */
  STORAGE_FAILURE("storage_failure"),
  /** The caller is not authenticated. */
  UNAUTHORIZED("unauthorized"),
  /** A bug: something that should not happen did. */
  INTERNAL_ERROR("internal_error"),
  /** The database could not be reached (down, restarting, unreachable, out of connections). */
  STORAGE_UNAVAILABLE("storage_unavailable"),
  /**
   * An OAuth consent came back to someone other than the person who started it (another browser, or
   * another user's credentials at the completion step); nothing was exchanged or stored.
   */
  CONSENT_MISMATCH("consent_mismatch"),
  /**
   * The integration does not offer the capability the action needs (mail through Telegram, files
   * through GitHub); the message names the ones it has.
   */
  UNSUPPORTED_CAPABILITY("unsupported_capability"),
  /** The caller's token is valid but its {@code scope} claim does not cover what was asked. */
  INSUFFICIENT_SCOPE("insufficient_scope"),
  /**
   * An idempotency key was repeated with other arguments, or while the first call with it is still
   * running (or ended without a known outcome); nothing was done.
   */
  IDEMPOTENCY_CONFLICT("idempotency_conflict");

  private final String wireName;

  ErrorCode(String wireName) {
    this.wireName = wireName;
  }

  /** The snake_case name used in JSON bodies, redirects and CLI output. */
  public String wireName() {
    return wireName;
  }

  private static final ErrorCode[] VALUES = values();

  /** The code whose {@link #wireName()} is {@code wireName}, if there is one. */
  public static Optional<ErrorCode> ofWireName(String wireName) {
    for (ErrorCode code : VALUES) {
      if (code.wireName.equals(wireName)) {
        return Optional.of(code);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return wireName;
  }
}
