package dev.integrations.core.model;

/** Receives upload progress; called from the uploading thread, so it must return quickly. */
@FunctionalInterface
public interface UploadProgress {
  /** Ignores progress. */
  UploadProgress NONE = (sent, total) -> {};

  /**
   * Reports progress.
   *
   * @param bytesSent bytes the provider has confirmed so far
   * @param totalBytes the upload's length, or -1 when unknown
   */
  void onProgress(long bytesSent, long totalBytes);
}
