/**
 * Dropbox files (listing, search, resumable uploads) on top of the catalog's generic OAuth engine.
 * Start at {@link dev.integrations.providers.dropbox.DropboxPlugin}.
 */
package dev.integrations.providers.dropbox;
