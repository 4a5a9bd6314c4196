package dev.integrations.cli;

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

/** {@code integrations drive list}: one page of files. */
@Command(name = "list", description = "List files, one page at a time, optionally matching a Drive query.")
final class DriveListCommand implements Callable<Integer> {
  private final CliContext context;
  @Spec CommandSpec spec;
  @Mixin CommonOptions options;

  @Option(names = {"-q", "--query"}, defaultValue = "", description = "Drive query syntax, e.g. \"name contains 'report'\".")
  String query;

  @Option(names = {"-n", "--page-size"}, defaultValue = "100", description = "1 to 1000 (default: ${DEFAULT-VALUE}).")
  int pageSize;

  @Option(names = "--page-token", description = "The page to fetch, as printed after the previous one.")
  String pageToken;

  DriveListCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    FileQuery fileQuery = new FileQuery(query, pageSize, pageToken);
    FilePage page =
        context.integrations().actions().listFiles(options.userId(), IntegrationType.GOOGLE_DRIVE, fileQuery);
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
}
