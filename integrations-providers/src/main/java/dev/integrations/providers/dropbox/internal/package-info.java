/**
 * Implementation detail of the Dropbox adapter (calls to its two hosts, errors, upload sessions).
 * Nothing outside {@code dev.integrations.providers.dropbox} may use it.
 */
package dev.integrations.providers.dropbox.internal;
