package dev.integrations.cli;

import dev.integrations.core.model.Capability;
import dev.integrations.core.model.FilePage;
import dev.integrations.core.model.FileQuery;
import dev.integrations.core.model.IntegrationType;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * One page of files: {@code integrations files list --via TYPE} ({@link Any}), and its shorthand {@code
 * integrations drive list} ({@link Drive}).
 */
abstract class FilesListCommand implements Callable<Integer> {
  final CliContext context;
  @Spec CommandSpec spec;
  @Mixin CommonOptions options;

  @Option(names = {"-q", "--query"}, defaultValue = "",
      description = "The provider's query, e.g. Drive's \"name contains 'report'\".")
  String query;

  @Option(names = {"-n", "--page-size"}, defaultValue = "100", description = "1 to 1000 (default: ${DEFAULT-VALUE}).")
  int pageSize;

  @Option(names = "--page-token", description = "The page to fetch, as printed after the previous one.")
  String pageToken;

  FilesListCommand(CliContext context) {
    this.context = context;
  }

  /** The files provider to list. */
  abstract IntegrationType type();

  @Override
  public Integer call() {
    IntegrationType type = type();
    FileQuery fileQuery = new FileQuery(query, pageSize, pageToken);
    FilePage page = context.integrations().actions().listFiles(options.userId(), type, fileQuery);
    Map<String, Object> json = Json.of("files", page.files().stream().map(Json::file).toList());
    json.put("next_page_token", page.nextPageToken());
    Output output = Output.of(spec, options);
    output.result(json, () -> {
      Table table = new Table("ID", "NAME", "TYPE", "SIZE", "MODIFIED");
      page.files().forEach(f -> table.row(f.id(), f.name(), f.mimeType(), Format.bytes(f.size()), Format.time(f.modifiedTime())));
      output.table(table);
      if (page.nextPageToken() != null) {
        output.line("More files: --page-token " + page.nextPageToken());
      }
    });
    return ExitCodes.OK;
  }

  /** {@code integrations files list --via TYPE}. */
  @Command(name = "list", description = "List files through a files provider, one page at a time, optionally matching a query.")
  static final class Any extends FilesListCommand {
    @Option(names = "--via", required = true, paramLabel = "TYPE", completionCandidates = ViaTypes.Files.class,
        description = "The files provider: ${COMPLETION-CANDIDATES}.")
    String via;

    Any(CliContext context) {
      super(context);
    }

    @Override
    IntegrationType type() {
      return ViaTypes.resolve(context.integrations(), via, Capability.FILES).type();
    }
  }

  /** {@code integrations drive list}. */
  @Command(name = "list", description = "List files, one page at a time, optionally matching a Drive query.")
  static final class Drive extends FilesListCommand {
    Drive(CliContext context) {
      super(context);
    }

    @Override
    IntegrationType type() {
      return IntegrationType.GOOGLE_DRIVE;
    }
  }
}
