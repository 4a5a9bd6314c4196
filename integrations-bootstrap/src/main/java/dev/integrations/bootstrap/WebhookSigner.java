package dev.integrations.bootstrap;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook messages as Standard Webhooks v1 does: {@code v1,} and the base64 of HMAC-SHA256
 * over {@code <webhook-id>.<webhook-timestamp>.<body>} (https://www.standardwebhooks.com/).
 * Thread-safe.
 */
final class WebhookSigner {
  private final SecretKeySpec key;

  WebhookSigner(byte[] key) {
    this.key = new SecretKeySpec(key, "HmacSHA256");
  }

  /** The {@code webhook-signature} header of a message. */
  String sign(String id, long timestampSeconds, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] signature =
          mac.doFinal((id + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(signature);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }
}
