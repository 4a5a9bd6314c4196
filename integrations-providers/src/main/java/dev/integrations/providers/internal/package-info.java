/**
 * Implementation detail shared by every provider adapter of this module: the one retry executor
 * ({@link dev.integrations.providers.internal.Retrier}) and its backoff. Part of the provider
 * engine; nothing outside {@code dev.integrations.providers} may use it.
 */
package dev.integrations.providers.internal;
