package dev.integrations.bootstrap;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens whose signature and claims were verified, by their exact text, each until its {@code exp}:
 * a caller that sends the same token again is not verified again (an HMAC and the JSON of two token
 * parts per request). Only verified tokens enter, so only holders of valid tokens can fill it; it
 * holds at most {@link #MAX_ENTRIES}, dropping expired entries and then everything when full (a
 * refill costs one verification per token). It is a cache of a pure function of the token's bytes,
 * not state that other server processes would need to share.
 *
 * <p>Thread-safe.
 */
final class VerifiedTokens {
  static final int MAX_ENTRIES = 4096;

  private record Entry(AccessToken token, long expiresAtMillis) {}

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

  /**
   * What {@code token} said when it was verified before and its {@code exp} is still ahead; else
   * null.
   */
  AccessToken get(String token, long nowMillis) {
    Entry entry = entries.get(token);
    if (entry == null) {
      return null;
    }
    if (nowMillis >= entry.expiresAtMillis()) {
      entries.remove(token, entry);
      return null;
    }
    return entry.token();
  }

  /**
   * Remembers a verified {@code token}, which said {@code verified}, until {@code expiresAtMillis}.
   */
  void remember(String token, AccessToken verified, long expiresAtMillis, long nowMillis) {
    if (nowMillis >= expiresAtMillis) {
      return;
    }
    if (entries.size() >= MAX_ENTRIES) {
      entries.values().removeIf(entry -> nowMillis >= entry.expiresAtMillis());
      if (entries.size() >= MAX_ENTRIES) {
        entries.clear();
      }
    }
    entries.put(token, new Entry(verified, expiresAtMillis));
  }

  int size() {
    return entries.size();
  }
}
