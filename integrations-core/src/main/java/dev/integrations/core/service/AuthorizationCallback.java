package dev.integrations.core.service;

import dev.integrations.core.model.Secret;
import dev.integrations.core.model.UserId;

/**
 * What the provider sent back to the redirect URI, and what proves who brought it back.
 *
 * <p>A callback completes a request only with a proof that the person returning is the person who
 * started it: {@code expectedUser}, the user the caller authenticated itself (its session, an
 * in-process CLI), or {@code browserBinding}, the secret the starting browser was given (a cookie).
 * Without either, a request for {@link dev.integrations.core.model.Completion#API API completion}
 * is parked for the user's own completion, and any other request is refused with {@code
 * consent_mismatch}.
 *
 * @param state the {@code state} parameter
 * @param code the {@code code} parameter, null when the provider sent an error
 * @param error the {@code error} parameter (for example {@code access_denied}), null on success
 * @param expectedUser the user the caller authenticated at the callback, or null (a public route)
 * @param browserBinding the binding secret the returning browser carried, or null when it carried
 *     none
 */
public record AuthorizationCallback(
    String state, String code, String error, UserId expectedUser, Secret browserBinding) {

  /** A callback received by an application that authenticated {@code expectedUser} itself. */
  public AuthorizationCallback(String state, String code, String error, UserId expectedUser) {
    this(state, code, error, expectedUser, null);
  }

  /**
   * A callback received by a public route: the browser's binding secret (null when it brought none)
   * is the only proof of who returned.
   */
  public static AuthorizationCallback fromBrowser(
      String state, String code, String error, Secret browserBinding) {
    return new AuthorizationCallback(state, code, error, null, browserBinding);
  }

  /**
   * Whether the callback carries a proof of the person: an authenticated user or a binding secret.
   */
  public boolean provesPerson() {
    return expectedUser != null || browserBinding != null;
  }
}
