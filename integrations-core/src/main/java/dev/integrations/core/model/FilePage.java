package dev.integrations.core.model;

import java.util.List;

/** One page of a file listing; {@code nextPageToken} is null on the last page. */
public record FilePage(List<RemoteFile> files, String nextPageToken) {
  /** Copies the files. */
  public FilePage {
    files = List.copyOf(files);
  }
}
