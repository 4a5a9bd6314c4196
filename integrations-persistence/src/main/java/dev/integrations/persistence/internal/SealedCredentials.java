package dev.integrations.persistence.internal;

import java.time.Instant;

/**
 * A {@code credentials} row as stored: tokens already sealed, scopes space-separated.
 *
 * @param accessToken the sealed access token
 * @param refreshToken the sealed refresh token, null when there is none
 * @param expiresAt when the access token expires, null when it does not
 * @param scopes the granted scopes separated by single spaces, empty when none
 */
public record SealedCredentials(
    String accessToken, String refreshToken, Instant expiresAt, String scopes) {}
