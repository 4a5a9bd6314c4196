package dev.integrations.core.service.internal;

import dev.integrations.core.model.Secret;
import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable values for OAuth states and PKCE verifiers. Thread-safe. */
public final class RandomTokens {
  private static final int BYTES = 32;
  private final SecureRandom random = new SecureRandom();

  /** 32 random bytes, base64url without padding (43 characters, valid as a PKCE verifier). */
  public Secret next() {
    byte[] bytes = new byte[BYTES];
    random.nextBytes(bytes);
    return Secret.of(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }
}
