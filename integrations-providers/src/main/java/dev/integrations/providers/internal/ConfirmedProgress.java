package dev.integrations.providers.internal;

import dev.integrations.core.model.UploadProgress;

/**
 * Forwards the byte count a provider confirmed to an {@link UploadProgress}, only when it grows: an
 * upload resumed after a failure never reports going backwards. Used by one upload on one thread.
 */
public final class ConfirmedProgress {
  private final UploadProgress listener;
  private final long total;
  private long reported = -1;

  /**
   * Progress of an upload of {@code total} bytes (-1 when unknown) to {@code listener} (null:
   * none).
   */
  public ConfirmedProgress(UploadProgress listener, long total) {
    this.listener = listener == null ? UploadProgress.NONE : listener;
    this.total = total;
  }

  /** The provider has confirmed {@code bytes} bytes. */
  public void confirmed(long bytes) {
    if (bytes > reported) {
      reported = bytes;
      listener.onProgress(bytes, total);
    }
  }
}
