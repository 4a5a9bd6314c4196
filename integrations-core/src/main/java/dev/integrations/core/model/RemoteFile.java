package dev.integrations.core.model;

import java.time.Instant;

/** A file at a storage provider; fields the provider did not give are null. */
public record RemoteFile(
    String id, String name, String mimeType, Long size, Instant modifiedTime) {}
