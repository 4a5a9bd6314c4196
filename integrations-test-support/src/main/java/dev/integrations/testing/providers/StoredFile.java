package dev.integrations.testing.providers;

import java.time.Instant;

/**
 * A file a stand-in stores: its digest and length rather than its bytes, so that a large upload
 * does not fill the test's heap.
 *
 * @param id the provider's id
 * @param name the name
 * @param parent the folder (an id or a path, as the provider says), null for the root
 * @param size the length in bytes
 * @param sha256 the lower-case hex SHA-256 of the bytes
 * @param mimeType the media type the upload declared, or null
 * @param modified when it was stored
 */
public record StoredFile(
    String id,
    String name,
    String parent,
    long size,
    String sha256,
    String mimeType,
    Instant modified) {}
