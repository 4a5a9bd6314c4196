package dev.integrations.core.model;

import dev.integrations.core.error.ErrorCode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One user's link to one integration, without its credentials.
 *
 * @param user the owner
 * @param type the integration
 * @param status connected, disconnected or error
 * @param connectedAt when the user last completed a connect, null if never
 * @param lastSync when a call through the connection last succeeded, null if never
 * @param lastError why the connection is in error, null when it is not
 * @param lastErrorMessage the sentence that goes with {@code lastError}, null when there is none
 * @param account the provider account behind the credentials, null when unknown
 */
public record Connection(
    UserId user,
    IntegrationType type,
    ConnectionStatus status,
    Instant connectedAt,
    Instant lastSync,
    ErrorCode lastError,
    String lastErrorMessage,
    Account account) {
  /** Requires the user, type and status. */
  public Connection {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(status, "status");
  }

  /** A fresh, healthy connection made at {@code now}. */
  public static Connection connected(
      UserId user, IntegrationType type, Instant now, Account account) {
    return new Connection(user, type, ConnectionStatus.CONNECTED, now, now, null, null, account);
  }

  /** The state shown for an integration the user never connected or disconnected. */
  public static Connection disconnected(UserId user, IntegrationType type) {
    return new Connection(user, type, ConnectionStatus.DISCONNECTED, null, null, null, null, null);
  }

  /** This connection, healthy again after a successful call at {@code now}. */
  public Connection synced(Instant now) {
    return new Connection(
        user, type, ConnectionStatus.CONNECTED, connectedAt, now, null, null, account);
  }

  /** This connection, marked unusable for {@code reason}. */
  public Connection failed(ErrorCode reason, String message) {
    return new Connection(
        user, type, ConnectionStatus.ERROR, connectedAt, lastSync, reason, message, account);
  }

  /** This connection with the provider account it belongs to. */
  public Connection withAccount(Account newAccount) {
    return new Connection(
        user, type, status, connectedAt, lastSync, lastError, lastErrorMessage, newAccount);
  }

  /** Why the connection is in error, if it is. */
  public Optional<ErrorCode> error() {
    return Optional.ofNullable(lastError);
  }

  /** Whether the user must go through the consent screen again before the connection works. */
  public boolean needsReauthorization() {
    return status == ConnectionStatus.ERROR
        && (lastError == ErrorCode.REAUTHORIZATION_REQUIRED
            || lastError == ErrorCode.MISSING_SCOPES);
  }
}
