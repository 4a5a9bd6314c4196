package dev.integrations.http;

import dev.integrations.bootstrap.presentation.ActionBodies;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.IntegrationException;
import dev.integrations.core.error.InvalidRequestException;
import dev.integrations.core.model.Capability;
import dev.integrations.core.model.FileUpload;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.RemoteFile;
import dev.integrations.core.model.UploadProgress;
import dev.integrations.core.model.UserId;
import dev.integrations.core.service.ActionService;
import io.javalin.config.MultipartConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * {@code POST /api/integrations/{type}/files}: a multipart upload with a {@code file} part (and
 * optional {@code name}, {@code mime_type}, {@code parent_id} fields), streamed to the storage of
 * any files provider ({@code google_drive} and the others the catalog gives files). A type without
 * files is refused with {@code unsupported_capability} before the body is used (see {@link
 * #refuseUnread}).
 *
 * <p>The servlet container spools the part to a temporary file, never to memory beyond a small
 * buffer; the upload then reads it as a stream, which can be reopened if the provider asks to start
 * over. A body over the configured limit is refused with 413, before reading when {@code
 * Content-Length} says so.
 */
final class UploadRoute {
  /** Room for the multipart boundaries and the small form fields around the file. */
  static final long MULTIPART_OVERHEAD = 64 * 1024;

  private static final int IN_MEMORY_THRESHOLD = 64 * 1024;

  /** The most of a refused body read and dropped so that the answer reaches the client. */
  static final long DRAIN_LIMIT_BYTES = 1024 * 1024;

  private final ActionService actions;
  private final long maxUploadBytes;

  UploadRoute(ActionService actions, long maxUploadBytes) {
    this.actions = actions;
    this.maxUploadBytes = maxUploadBytes;
  }

  /** Configures the container's multipart parsing: the limits and the spool directory. */
  void configure(MultipartConfig multipart, Path spoolDirectory) {
    multipart.cacheDirectory(spoolDirectory.toString());
    multipart.maxFileSize(maxUploadBytes, SizeUnit.BYTES);
    multipart.maxTotalRequestSize(maxUploadBytes + MULTIPART_OVERHEAD, SizeUnit.BYTES);
    multipart.maxInMemoryFileSize(IN_MEMORY_THRESHOLD, SizeUnit.BYTES);
  }

  void upload(Context ctx) {
    UserId user = JwtAuthenticator.user(ctx);
    IntegrationType type;
    try {
      type = ActionRoutes.type(ctx);
      actions.requireCapability(type, Capability.FILES);
    } catch (IntegrationException e) {
      refuseUnread(ctx);
      throw e;
    }
    long declared = ctx.contentLength();
    if (declared > maxUploadBytes + MULTIPART_OVERHEAD) {
      throw tooLarge();
    }
    String contentType = ctx.contentType();
    if (contentType == null
        || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
      throw new InvalidRequestException("Send the file as multipart/form-data with a 'file' part.");
    }
    UploadedFile file = filePart(ctx);
    if (file.size() > maxUploadBytes) {
      throw tooLarge();
    }
    String name = field(ctx, "name", file.filename());
    String mimeType = field(ctx, "mime_type", file.contentType());
    String parentId = field(ctx, "parent_id", null);
    FileUpload upload = new FileUpload(name, mimeType, parentId, file.size(), file::content);
    RemoteFile uploaded = actions.uploadFile(user, type, upload, UploadProgress.NONE);
    ctx.json(ActionBodies.File.of(uploaded));
  }

  /**
   * Before an answer given without reading the body: a small body (at most {@value
   * #DRAIN_LIMIT_BYTES} bytes by its Content-Length) is read and dropped, because a connection
   * closed on unread bytes is reset and a client still sending may lose the answer with it (a CI
   * run saw exactly that); a larger or unknown one is answered with {@code Connection: close} (a
   * client that must not send it in vain asks with {@code Expect: 100-continue}).
   */
  private static void refuseUnread(Context ctx) {
    long length = ctx.contentLength();
    if (length < 0 || length > DRAIN_LIMIT_BYTES) {
      ctx.header("Connection", "close");
      return;
    }
    try {
      ctx.req().getInputStream().transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      ctx.header("Connection", "close");
    }
  }

  private UploadedFile filePart(Context ctx) {
    UploadedFile file;
    try {
      file = ctx.uploadedFile("file");
    } catch (IntegrationException e) {
      throw e;
    } catch (Exception e) { // Javalin rethrows the container's checked ServletException undeclared
      // The container stopped reading a body it refused: say so, rather than leave the client to
      // find
      // its kept-alive connection closed under it.
      ctx.header("Connection", "close");
      throw refusal(e);
    }
    if (file == null) {
      throw new InvalidRequestException("The multipart body has no 'file' part.");
    }
    return file;
  }

  /** The container refused the multipart body: too large, or malformed. */
  private IntegrationException refusal(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
      if (message.contains("exceed")
          || message.contains("too large")
          || message.contains("max file size")
          || message.contains("max request size")) {
        return tooLarge();
      }
    }
    return new InvalidRequestException("The multipart body is malformed.");
  }

  private IntegrationException tooLarge() {
    return new IntegrationException(
        ErrorCode.PAYLOAD_TOO_LARGE,
        "The file is larger than the " + maxUploadBytes + " bytes this server accepts.");
  }

  private static String field(Context ctx, String name, String fallback) {
    String value = ctx.formParam(name);
    return value == null || value.isBlank() ? fallback : value.strip();
  }
}
