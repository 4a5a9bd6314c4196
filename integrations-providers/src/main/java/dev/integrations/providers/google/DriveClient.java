package dev.integrations.providers.google;

import com.google.api.client.http.InputStreamContent;
import com.google.api.client.util.DateTime;
import com.google.api.services.drive.Drive;
import com.google.api.services.drive.model.About;
import com.google.api.services.drive.model.File;
import com.google.api.services.drive.model.FileList;
import dev.integrations.core.model.Account;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.FilePage;
import dev.integrations.core.model.FileQuery;
import dev.integrations.core.model.FileUpload;
import dev.integrations.core.model.RemoteFile;
import dev.integrations.core.model.TestResult;
import dev.integrations.core.model.UploadProgress;
import dev.integrations.core.port.FilesPort;
import dev.integrations.core.port.ProxyPort;
import dev.integrations.providers.google.internal.GoogleCalls.Repeat;
import dev.integrations.providers.google.internal.MonotonicProgress;
import dev.integrations.providers.google.internal.UploadSourceException;
import dev.integrations.providers.oauth2.OAuth2Client;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The Google Drive adapter: OAuth through Google, connection test with {@code about.get}, listing
 * with {@code files.list}, streaming upload with {@code files.create} (resumable, in chunks, for
 * anything larger than one chunk).
 *
 * <p>Immutable and thread-safe.
 *
 * @see <a href="https://developers.google.com/drive/api/reference/rest/v3">Drive API reference</a>
 */
final class DriveClient extends GoogleOAuthClient implements FilesPort {
  private static final String SERVICE = "Google Drive";
  private static final String FILE_FIELDS = "id,name,mimeType,size,modifiedTime";

  DriveClient(GoogleSetup setup, OAuth2Client oauth, ProxyPort proxy) {
    super(setup, GoogleCatalog.GOOGLE_DRIVE, oauth, proxy);
  }

  /** Reads the user: https://developers.google.com/drive/api/reference/rest/v3/about/get */
  @Override
  public TestResult test(Credentials credentials) {
    Drive drive = setup.require().apis().drive(credentials);
    About about =
        setup
            .calls()
            .run(SERVICE, Repeat.SAFE, () -> drive.about().get().setFields("user").execute());
    String email = about.getUser() == null ? null : about.getUser().getEmailAddress();
    String shown = Objects.requireNonNullElse(email, "unknown");
    // The e-mail address, like Gmail's: one Google account has one id across the grant's
    // integrations.
    String id =
        email != null || about.getUser() == null || about.getUser().getPermissionId() == null
            ? shown
            : about.getUser().getPermissionId();
    return TestResult.passed("Connected to Google Drive as " + shown + ".", new Account(id, shown));
  }

  /** One page of files: https://developers.google.com/drive/api/reference/rest/v3/files/list */
  @Override
  public FilePage list(Credentials credentials, FileQuery query) {
    Drive drive = setup.require().apis().drive(credentials);
    FileList page =
        setup
            .calls()
            .run(
                SERVICE,
                Repeat.SAFE,
                () -> {
                  Drive.Files.List list =
                      drive
                          .files()
                          .list()
                          .setPageSize(query.pageSize())
                          .setFields("nextPageToken,files(" + FILE_FIELDS + ")");
                  if (!query.query().isBlank()) {
                    list.setQ(query.query());
                  }
                  if (query.pageToken() != null && !query.pageToken().isBlank()) {
                    list.setPageToken(query.pageToken());
                  }
                  return list.execute();
                });
    List<RemoteFile> files =
        page.getFiles() == null
            ? List.of()
            : page.getFiles().stream().map(DriveClient::remote).toList();
    return new FilePage(files, page.getNextPageToken());
  }

  /**
   * Uploads a file, streaming it: https://developers.google.com/drive/api/guides/manage-uploads. A
   * file of at most one chunk goes in one multipart request, a larger one (or one of unknown size)
   * in a resumable session, chunk by chunk, so memory use stays around one chunk. After a failure
   * the upload starts again from the beginning only when Google proved it turned the request away
   * (429, a rate-limit 403) or the request never left: never after a 5xx or a timeout, which may
   * come after the file was created.
   *
   * <p>The request deadline bounds waiting on Google (starting, each retry wait, each answer), not
   * the steady flow of a large file: the transfer may go on past the deadline as long as no
   * connect, write or wait for an answer stalls longer than the deadline's length.
   */
  @Override
  public RemoteFile upload(Credentials credentials, FileUpload upload, UploadProgress progress) {
    Drive drive = setup.require().apis().driveUploads(credentials);
    int chunkSize = setup.uploadChunkSize();
    File metadata = new File().setName(upload.name()).setMimeType(upload.mimeType());
    if (upload.parentId() != null && !upload.parentId().isBlank()) {
      metadata.setParents(List.of(upload.parentId()));
    }
    MonotonicProgress reported = new MonotonicProgress(progress, upload.size());
    File created =
        setup
            .calls()
            .run(
                SERVICE,
                Repeat.UNSAFE,
                () -> {
                  try (InputStream in = UploadSourceException.guard(upload.content().open())) {
                    InputStreamContent media =
                        new InputStreamContent(upload.mimeType(), in).setLength(upload.size());
                    Drive.Files.Create create =
                        drive.files().create(metadata, media).setFields(FILE_FIELDS);
                    create.setDisableGZipContent(true);
                    create
                        .getMediaHttpUploader()
                        .setDirectUploadEnabled(upload.size() >= 0 && upload.size() <= chunkSize)
                        .setChunkSize(chunkSize)
                        .setDisableGZipContent(true)
                        .setProgressListener(reported::report);
                    return create.execute();
                  }
                });
    reported.complete();
    return remote(created);
  }

  private static RemoteFile remote(File file) {
    DateTime modified = file.getModifiedTime();
    return new RemoteFile(
        file.getId(),
        file.getName(),
        file.getMimeType(),
        file.getSize(),
        modified == null ? null : Instant.ofEpochMilli(modified.getValue()));
  }
}
