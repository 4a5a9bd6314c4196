package dev.integrations.core.service.internal;

import dev.integrations.core.error.AuthorizationFailedException;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.model.AuthorizationRequest;
import dev.integrations.core.model.Completion;
import dev.integrations.core.service.AuthorizationCallback;
import java.util.regex.Pattern;

/**
 * Whether a callback proves it is the person who started the request, and the refusals of a
 * callback.
 */
final class ConsentProof {
  private static final Pattern ERROR_CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private ConsentProof() {}

  /**
   * True when {@code callback} proves the person who started {@code request}; false when it brings
   * no proof at all and the request waits for the user's own completion ({@link Completion#API}). A
   * browser binding only ever proves a {@link Completion#BROWSER} request.
   *
   * @throws AuthorizationFailedException {@code consent_mismatch} when the proof is wrong, or
   *     missing for a request that cannot wait
   */
  static boolean check(AuthorizationRequest request, AuthorizationCallback callback) {
    if (callback.expectedUser() != null) {
      if (!callback.expectedUser().equals(request.user())) {
        throw mismatch(
            "This authorization link was issued to another user, so nothing was connected.",
            request);
      }
      return true;
    }
    if (request.completion() == Completion.BROWSER || callback.browserBinding() != null) {
      if (!request.isBoundTo(callback.browserBinding())) {
        throw mismatch(
            "This consent came back to a different browser than the one that started it, so nothing was "
                + "connected. Connect again from the browser you use with this app.",
            request);
      }
      return true;
    }
    if (request.completion() == Completion.API) {
      return false;
    }
    throw mismatch(
        "This authorization can only be completed by the application that started it; nothing was connected.",
        request);
  }

  static AuthorizationFailedException mismatch(String message, AuthorizationRequest request) {
    return new AuthorizationFailedException(ErrorCode.CONSENT_MISMATCH, message, request.type());
  }

  static AuthorizationFailedException invalidState(String message, AuthorizationRequest request) {
    return new AuthorizationFailedException(
        ErrorCode.INVALID_STATE, message, request == null ? null : request.type());
  }

  static AuthorizationFailedException providerError(String error, AuthorizationRequest request) {
    if ("access_denied".equals(error)) {
      return new AuthorizationFailedException(
          ErrorCode.ACCESS_DENIED, "Access was declined on the consent screen.", request.type());
    }
    String shown = ERROR_CODE.matcher(error).matches() ? error : "unrecognised error";
    return new AuthorizationFailedException(
        ErrorCode.PROVIDER_REJECTED,
        "The provider refused the authorization: " + shown + ".",
        request.type());
  }
}
