package dev.integrations.core.port;

import java.time.Instant;
import java.util.Objects;

/**
 * A call recorded under an idempotency key.
 *
 * @param requestHash what the call asked for, as the claimer described it (a repeat must ask the
 *     same)
 * @param claimedAt when the key was claimed
 * @param outcome what the call answered, null while it is still pending (or its claimer died)
 */
public record IdempotentCall(String requestHash, Instant claimedAt, String outcome) {
  /** Requires the hash and the time. */
  public IdempotentCall {
    Objects.requireNonNull(requestHash, "requestHash");
    Objects.requireNonNull(claimedAt, "claimedAt");
  }

  /** Whether the call has finished and its outcome is known. */
  public boolean completed() {
    return outcome != null;
  }
}
