package dev.integrations.core.service;

import dev.integrations.core.model.UserId;

/**
 * What the provider sent back to the redirect URI.
 *
 * @param state the {@code state} parameter
 * @param code the {@code code} parameter, null when the provider sent an error
 * @param error the {@code error} parameter (for example {@code access_denied}), null on success
 * @param expectedUser the user the caller knows to be signed in, or null when the state alone
 *     identifies the user (a public callback route)
 */
public record AuthorizationCallback(String state, String code, String error, UserId expectedUser) {

  /** A callback as received by a public route, trusting the state to name the user. */
  public static AuthorizationCallback of(String state, String code, String error) {
    return new AuthorizationCallback(state, code, error, null);
  }
}
