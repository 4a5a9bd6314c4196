package dev.integrations.core.port;

import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.FilePage;
import dev.integrations.core.model.FileQuery;
import dev.integrations.core.model.FileUpload;
import dev.integrations.core.model.RemoteFile;
import dev.integrations.core.model.UploadProgress;

/**
 * Lists and uploads files. Uploads stream their content and never hold a whole file in memory.
 * Methods throw {@link dev.integrations.core.error.CredentialsRejectedException} on HTTP 401.
 */
public interface FilesPort {
  /** One page of the files the credentials can see, filtered by {@code query}. */
  FilePage list(Credentials credentials, FileQuery query);

  /** Uploads a file, streaming it and reporting progress; the file as the provider stored it. */
  RemoteFile upload(Credentials credentials, FileUpload upload, UploadProgress progress);
}
