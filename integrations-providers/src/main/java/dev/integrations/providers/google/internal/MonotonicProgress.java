package dev.integrations.providers.google.internal;

import com.google.api.client.googleapis.media.MediaHttpUploader;
import dev.integrations.core.model.UploadProgress;

/**
 * Forwards an upload's confirmed byte count to an {@link UploadProgress}, only when it grows: an
 * upload restarted after a failure never reports going backwards. Used by one upload on one thread.
 */
public final class MonotonicProgress {
  private final UploadProgress listener;
  private final long total;
  private long reported = -1;

  /**
   * @param total the upload's length, or -1 when unknown
   */
  public MonotonicProgress(UploadProgress listener, long total) {
    this.listener = listener == null ? UploadProgress.NONE : listener;
    this.total = total;
  }

  /** Reports what {@code uploader} says Google has received so far. */
  public void report(MediaHttpUploader uploader) {
    switch (uploader.getUploadState()) {
      case MEDIA_IN_PROGRESS, MEDIA_COMPLETE -> send(uploader.getNumBytesUploaded());
      default -> {}
    }
  }

  /** Reports the whole length once the upload is done. */
  public void complete() {
    if (total >= 0) {
      send(total);
    }
  }

  private void send(long bytes) {
    if (bytes > reported) {
      reported = bytes;
      listener.onProgress(bytes, total);
    }
  }
}
