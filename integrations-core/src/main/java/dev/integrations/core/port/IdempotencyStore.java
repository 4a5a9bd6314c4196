package dev.integrations.core.port;

import dev.integrations.core.model.UserId;
import java.time.Duration;
import java.util.Optional;

/**
 * Remembers, per user and caller-chosen key, that a call with side effects was made and what it
 * answered, so that a caller repeating the call with the same key gets the first answer instead of
 * a second effect (a second e-mail, a second message). A key is claimed before the call, completed
 * with its outcome after it, or released when the call certainly had no effect.
 *
 * <p>Keys belong to one user: the same key of two users names two calls. A record older than the
 * retention a caller passes is treated as absent and replaced.
 *
 * <p>Implementations are thread-safe and, when backed by a database, shared by every process on it:
 * of concurrent claims of one key exactly one wins.
 */
public interface IdempotencyStore {

  /**
   * Claims {@code key} of {@code user} for a call described by {@code requestHash}, unless a record
   * of it younger than {@code retention} exists.
   *
   * @return empty when this caller now holds the key and must make the call; otherwise the record
   *     found (pending, or completed with its outcome), and nothing is changed
   */
  Optional<IdempotentCall> claim(UserId user, String key, String requestHash, Duration retention);

  /** Records the outcome of a call whose key this caller claimed (opaque text, such as JSON). */
  void complete(UserId user, String key, String outcome);

  /** Forgets a claim whose call had no effect, so that the key may be used again. */
  void release(UserId user, String key);
}
