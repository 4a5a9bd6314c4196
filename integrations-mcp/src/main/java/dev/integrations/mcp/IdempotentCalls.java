package dev.integrations.mcp;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.IntegrationException;
import dev.integrations.core.error.InvalidRequestException;
import dev.integrations.core.port.IdempotencyStore;
import dev.integrations.core.port.IdempotentCall;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The {@code idempotency_key} argument of the sending tools: the first call with a key acts and its
 * answer is stored (per user, for {@link #RETENTION}); a repeat with the same key and the same
 * arguments gets that answer back and acts no more. A repeat with other arguments, or while the
 * first is still running, is refused with {@code idempotency_conflict}.
 *
 * <p>A failure that certainly had no effect (not connected, bad input, a refusal before anything
 * was sent) frees the key for a retry; one that may have had an effect (a timeout, a provider
 * error) is stored like an answer, so that a repeat cannot send twice. Thread-safe.
 */
final class IdempotentCalls {
  /** How long a key is remembered. */
  static final Duration RETENTION = Duration.ofHours(24);

  /**
   * After how long a call that never recorded its outcome is reported as unknown rather than
   * running.
   */
  static final Duration STALE = Duration.ofMinutes(10);

  static final String ARGUMENT = "idempotency_key";
  private static final int MAX_KEY_LENGTH = 255;

  private final IdempotencyStore store;
  private final ToolResults results;
  private final Clock clock;

  IdempotentCalls(IdempotencyStore store, ToolResults results, Clock clock) {
    this.store = store;
    this.results = results;
    this.clock = clock;
  }

  /** Runs {@code action} once per key of the caller (every time when the call names no key). */
  CallToolResult once(
      Caller caller, String tool, Arguments arguments, Supplier<Map<String, Object>> action) {
    String key = arguments.optional(ARGUMENT);
    if (key == null) {
      return results.success(action.get());
    }
    requireValid(key);
    String hash = hash(tool, arguments.asMap());
    Optional<IdempotentCall> earlier = store.claim(caller.user(), key, hash, RETENTION);
    if (earlier.isPresent()) {
      return repeat(earlier.get(), hash);
    }
    CallToolResult result;
    try {
      result = results.success(action.get());
    } catch (IntegrationException e) {
      if (!mayHaveActed(e.code())) {
        store.release(caller.user(), key);
        throw e;
      }
      result = results.failure(e);
    } catch (RuntimeException e) {
      store.complete(
          caller.user(),
          key,
          results.store(
              results.failure(
                  new IntegrationException(
                      ErrorCode.INTERNAL_ERROR,
                      "The call failed; whether it took effect is unknown."))));
      throw e;
    }
    store.complete(caller.user(), key, results.store(result));
    return result;
  }

  private CallToolResult repeat(IdempotentCall earlier, String hash) {
    if (!earlier.requestHash().equals(hash)) {
      throw conflict(
          "This idempotency_key was used for a different call in the last 24 hours; "
              + "use a new key for a new call.");
    }
    if (earlier.completed()) {
      return results.restore(earlier.outcome());
    }
    if (earlier.claimedAt().plus(STALE).isBefore(clock.instant())) {
      throw conflict(
          "An earlier call with this idempotency_key never finished, so whether it took effect is "
              + "unknown; check, then use a new key to try again.");
    }
    throw conflict(
        "A call with this idempotency_key is still running; repeat it in a moment for its answer.");
  }

  /** Whether a failure may come after the provider acted (so that a repeat must not act again). */
  private static boolean mayHaveActed(ErrorCode code) {
    return code == ErrorCode.PROVIDER_TIMEOUT
        || code == ErrorCode.PROVIDER_ERROR
        || code == ErrorCode.PROVIDER_UNAVAILABLE
        || code == ErrorCode.INTERNAL_ERROR;
  }

  private static void requireValid(String key) {
    if (key.isEmpty()
        || key.length() > MAX_KEY_LENGTH
        || key.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidRequestException(
          "An idempotency_key has 1 to "
              + MAX_KEY_LENGTH
              + " characters and no control characters.");
    }
  }

  private static IntegrationException conflict(String message) {
    return new IntegrationException(ErrorCode.IDEMPOTENCY_CONFLICT, message);
  }

  /**
   * SHA-256 of the tool and its arguments but the key, with object members in a canonical order.
   */
  private String hash(String tool, Map<String, Object> arguments) {
    Map<String, Object> rest = new TreeMap<>(arguments);
    rest.remove(ARGUMENT);
    String canonical = tool + "\n" + results.write(canonical(rest));
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  private static Object canonical(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> sorted = new TreeMap<>();
      map.forEach((k, v) -> sorted.put(String.valueOf(k), canonical(v)));
      return sorted;
    }
    if (value instanceof List<?> list) {
      List<Object> items = new ArrayList<>();
      list.forEach(item -> items.add(canonical(item)));
      return items;
    }
    return value;
  }
}
