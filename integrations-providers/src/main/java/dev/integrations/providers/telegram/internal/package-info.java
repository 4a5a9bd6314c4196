/**
 * Implementation detail of the Telegram adapter (Bot API calls, retries, pacing, token handling).
 * Nothing outside {@code dev.integrations.providers.telegram} may use it.
 */
package dev.integrations.providers.telegram.internal;
