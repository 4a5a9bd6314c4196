package dev.integrations.cli;

import dev.integrations.bootstrap.presentation.ActionBodies;
import dev.integrations.core.error.InvalidRequestException;
import dev.integrations.core.model.Capability;
import dev.integrations.core.model.FileUpload;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.UploadProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Streams a file to a files provider, with a progress bar at a terminal: {@code integrations files
 * upload --via TYPE PATH} ({@link Any}), and its shorthand {@code integrations drive upload PATH}
 * ({@link Drive}).
 */
abstract class FilesUploadCommand implements Callable<Integer> {
  static final String DESCRIPTION =
      "At a terminal a progress bar shows bytes, rate and ETA on standard error; "
          + "under --json or in a pipe nothing is drawn.";

  final CliContext context;
  @Spec CommandSpec spec;
  @Mixin CommonOptions options;

  @Parameters(paramLabel = "PATH", description = "The file to upload.")
  Path path;

  @Option(names = "--name", description = "The name at the provider (default: the file's name).")
  String name;

  @Option(
      names = "--mime-type",
      paramLabel = "TYPE",
      description = "Its media type (default: guessed from the name).")
  String mimeType;

  @Option(
      names = "--parent",
      paramLabel = "FOLDER_ID",
      description = "The folder to put it in (default: the root).")
  String parent;

  FilesUploadCommand(CliContext context) {
    this.context = context;
  }

  /** The files provider to upload to. */
  abstract IntegrationType type(Target target);

  @Override
  public Integer call() throws IOException {
    Target target = context.target(options);
    IntegrationType type = type(target);
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw new InvalidRequestException("No such readable file: " + path);
    }
    FileUpload upload =
        new FileUpload(
            name != null ? name : path.getFileName().toString(),
            mimeType != null ? mimeType : Files.probeContentType(path),
            parent,
            Files.size(path),
            () -> Files.newInputStream(path));
    Output output = Output.of(spec, options);
    boolean watched = !options.json && context.terminal().interactive();
    ProgressBar bar = watched ? new ProgressBar(output.err(), System::nanoTime) : null;
    UploadProgress progress = bar != null ? bar : UploadProgress.NONE;
    ActionBodies.File file;
    try {
      file =
          target.act(
              integrations ->
                  ActionBodies.File.of(
                      integrations.actions().uploadFile(target.user(), type, upload, progress)),
              api -> {
                Multipart body = multipart(upload);
                return api.postStream(
                    "/api/integrations/" + type.value() + "/files",
                    body.contentType(),
                    body.length(),
                    () -> body.open(progress),
                    ActionBodies.File.class);
              });
    } finally {
      if (bar != null) {
        bar.finish();
      }
    }
    output.result(
        file,
        () ->
            output.line(
                "Uploaded "
                    + file.name()
                    + " ("
                    + Format.bytes(upload.size())
                    + ") as file "
                    + file.id()
                    + "."));
    return ExitCodes.OK;
  }

  private Multipart multipart(FileUpload upload) {
    try {
      return new Multipart(path, upload.name(), upload.mimeType())
          .field("name", upload.name())
          .field("mime_type", upload.mimeType())
          .field("parent_id", upload.parentId());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** {@code integrations files upload --via TYPE PATH}. */
  @Command(
      name = "upload",
      description = "Upload a file to a files provider, streamed. " + DESCRIPTION)
  static final class Any extends FilesUploadCommand {
    @Option(
        names = "--via",
        required = true,
        paramLabel = "TYPE",
        completionCandidates = ViaTypes.Files.class,
        description = "The files provider: ${COMPLETION-CANDIDATES}.")
    String via;

    Any(CliContext context) {
      super(context);
    }

    @Override
    IntegrationType type(Target target) {
      return ViaTypes.type(target, context, via, Capability.FILES);
    }
  }

  /** {@code integrations drive upload PATH}. */
  @Command(name = "upload", description = "Upload a file, streamed. " + DESCRIPTION)
  static final class Drive extends FilesUploadCommand {
    Drive(CliContext context) {
      super(context);
    }

    @Override
    IntegrationType type(Target target) {
      return IntegrationType.GOOGLE_DRIVE;
    }
  }
}
