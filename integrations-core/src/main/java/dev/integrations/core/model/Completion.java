package dev.integrations.core.model;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.InvalidRequestException;
import java.util.Locale;

/**
 * How the person who completes a pending OAuth authorization proves that they are the person who
 * started it (RFC 9700 section 4.7): without such a proof, whoever is sent the consent URL could
 * connect their own account to someone else's user.
 */
public enum Completion {
  /**
   * The browser that started the flow holds a random binding secret (a short-lived cookie); the
   * callback completes only when it brings that secret back. Only the secret's SHA-256 is stored.
   */
  BROWSER("browser"),
  /**
   * The callback does not complete: it keeps the provider's answer, sealed, under a fresh one-time
   * handle that only the returning browser sees, and the user completes with their own credentials
   * (their JWT) and that handle.
   */
  API("api"),
  /**
   * The application completes the flow itself for a user it has authenticated at the callback (its
   * own session, or an in-process CLI that owns its loopback receiver).
   */
  CALLER("caller");

  private final String wireName;

  Completion(String wireName) {
    this.wireName = wireName;
  }

  /** The lower-case name used in JSON and in storage. */
  public String wireName() {
    return wireName;
  }

  /**
   * The completion named {@code value} ({@code browser}, {@code api}, {@code caller}).
   *
   * @throws InvalidRequestException when the name is unknown
   */
  public static Completion of(String value) {
    String wanted = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    for (Completion completion : values()) {
      if (completion.wireName.equals(wanted)) {
        return completion;
      }
    }
    throw new InvalidRequestException(
        ErrorCode.INVALID_REQUEST, "completion must be \"browser\" or \"api\".");
  }

  @Override
  public String toString() {
    return wireName;
  }
}
