package dev.integrations.testing;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Google's record of what it granted, kept the way Google keeps it: one grant per Google account
 * and OAuth client, holding every access and refresh token issued for it. Revoking any one token
 * ends the whole grant (<a
 * href="https://developers.google.com/identity/protocols/oauth2/web-server#tokenrevoke">Google: "If
 * the token is an access token and it has a corresponding refresh token, the refresh token will
 * also be revoked"</a>; in practice every token of the grant stops working), so disconnecting Gmail
 * is seen to end Drive's tokens of the same account.
 *
 * <p>Thread-safe: every method locks this object.
 */
public final class GoogleGrants {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** One Google account's consent to one OAuth client. */
  static final class Grant {
    final String account;
    final String clientId;
    boolean revoked;

    Grant(String account, String clientId) {
      this.account = account;
      this.clientId = clientId;
    }
  }

  /** An access token: whose grant, which scopes, until when. */
  record Access(Grant grant, Set<String> scopes, Instant expiresAt) {
    /** The Google account (an email address) the token belongs to. */
    String account() {
      return grant.account;
    }
  }

  /** A refresh token: whose grant, which scopes, and whether a rotation replaced it. */
  static final class Refresh {
    final Grant grant;
    final Set<String> scopes;
    boolean superseded;

    Refresh(Grant grant, Set<String> scopes) {
      this.grant = grant;
      this.scopes = scopes;
    }
  }

  private final Map<String, Grant> liveGrants = new HashMap<>();
  private final Map<String, Access> accessTokens = new HashMap<>();
  private final Map<String, Refresh> refreshTokens = new HashMap<>();

  /**
   * The live grant of {@code account} to {@code clientId}, new when there is none (or it was
   * revoked).
   */
  synchronized Grant grantOf(String account, String clientId) {
    return liveGrants.computeIfAbsent(key(account, clientId), k -> new Grant(account, clientId));
  }

  /**
   * Records {@code token} as an access token of {@code grant} for {@code scopes}, valid for {@code
   * lifetime}.
   */
  synchronized void addAccessToken(
      String token, Grant grant, Set<String> scopes, Duration lifetime) {
    accessTokens.put(token, new Access(grant, Set.copyOf(scopes), Instant.now().plus(lifetime)));
  }

  /** A new refresh token of {@code grant}, in Google's shape ({@code 1//0…}). */
  synchronized String newRefreshToken(Grant grant, Set<String> scopes) {
    String token = "1//0" + random(48);
    refreshTokens.put(token, new Refresh(grant, Set.copyOf(scopes)));
    return token;
  }

  /**
   * The access token {@code token} if Google would accept it now: issued, unexpired, its grant
   * live.
   */
  synchronized Optional<Access> liveAccess(String token) {
    Access access = token == null ? null : accessTokens.get(token);
    if (access == null || access.grant.revoked || Instant.now().isAfter(access.expiresAt)) {
      return Optional.empty();
    }
    return Optional.of(access);
  }

  /**
   * The refresh token {@code token} as issued (possibly superseded or of a revoked grant), if ever
   * issued.
   */
  synchronized Optional<Refresh> refreshToken(String token) {
    return Optional.ofNullable(token == null ? null : refreshTokens.get(token));
  }

  /** Marks {@code refresh} as replaced by a rotation: using it again is {@code invalid_grant}. */
  synchronized void supersede(Refresh refresh) {
    refresh.superseded = true;
  }

  /**
   * Revokes the grant {@code token} (an access or a refresh token) belongs to: every token of it
   * stops working. Returns false when the token is unknown or its grant was already revoked (Google
   * answers {@code invalid_token} then).
   */
  synchronized boolean revoke(String token) {
    Grant grant = null;
    if (accessTokens.containsKey(token)) {
      grant = accessTokens.get(token).grant;
    } else if (refreshTokens.containsKey(token)) {
      grant = refreshTokens.get(token).grant;
    }
    if (grant == null || grant.revoked) {
      return false;
    }
    revoke(grant);
    return true;
  }

  /** Ends {@code grant}: every access and refresh token of it stops working. */
  synchronized void revoke(Grant grant) {
    grant.revoked = true;
    liveGrants.remove(key(grant.account, grant.clientId), grant);
  }

  /**
   * What the person does at myaccount.google.com/permissions: removes every grant of {@code
   * account}. Returns how many grants were live.
   */
  public synchronized int removeAccessOf(String account) {
    var ended = liveGrants.values().stream().filter(g -> g.account.equals(account)).toList();
    ended.forEach(this::revoke);
    return ended.size();
  }

  /** Whether {@code account} has a live grant to {@code clientId}. */
  public synchronized boolean hasLiveGrant(String account, String clientId) {
    return liveGrants.containsKey(key(account, clientId));
  }

  /**
   * The live access tokens of {@code account}, for tests that must show which token a call used.
   */
  public synchronized Set<String> liveAccessTokensOf(String account) {
    Set<String> live = new TreeSet<>();
    accessTokens.forEach(
        (token, access) -> {
          if (access.account().equals(account) && !access.grant.revoked) {
            live.add(token);
          }
        });
    return live;
  }

  private static String key(String account, String clientId) {
    return account + "\n" + clientId;
  }

  static String random(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }
}
