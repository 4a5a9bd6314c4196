package dev.integrations.cli;

import dev.integrations.bootstrap.presentation.ActionBodies;
import dev.integrations.core.model.FilePage;
import dev.integrations.core.model.FileQuery;
import dev.integrations.core.model.IntegrationType;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code integrations drive list}: one page of files. */
@Command(name = "list", description = "List files, one page at a time, optionally matching a Drive query.")
final class DriveListCommand implements Callable<Integer> {
  static final String NEXT_PAGE_HEADER = "X-Next-Page-Token";

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
    Target target = context.target(options);
    Api.Listed<ActionBodies.File> page = target.act(
        integrations -> {
          FilePage files = integrations.actions().listFiles(target.user(), IntegrationType.GOOGLE_DRIVE, fileQuery);
          return new Api.Listed<>(files.files().stream().map(ActionBodies.File::of).toList(), files.nextPageToken());
        },
        api -> api.getList("/api/integrations/google_drive/files?" + Api.param("q", query) + "&"
            + Api.param("page_size", String.valueOf(pageSize))
            + (pageToken == null ? "" : "&" + Api.param("page_token", pageToken)),
            ActionBodies.File.class, NEXT_PAGE_HEADER));
    String next = page.header();
    Output output = Output.of(spec, options);
    // The files are the API's answer; the next page's token is its X-Next-Page-Token header, which goes
    // to standard error under --json so that standard output stays that answer.
    output.result(page.items(), () -> {
      Table table = new Table("ID", "NAME", "TYPE", "SIZE", "MODIFIED");
      page.items().forEach(f -> table.row(f.id(), f.name(), f.mimeType(), Format.bytes(f.size()), Format.time(f.modifiedTime())));
      output.table(table);
      if (next != null) {
        output.line("More files: --page-token " + next);
      }
    });
    if (next != null && output.json()) {
      output.note("More files: --page-token " + next);
    }
    return ExitCodes.OK;
  }
}
