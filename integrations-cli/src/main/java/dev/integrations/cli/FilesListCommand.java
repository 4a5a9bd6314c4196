package dev.integrations.cli;

import dev.integrations.bootstrap.presentation.ActionBodies;
import dev.integrations.core.model.Capability;
import dev.integrations.core.model.FilePage;
import dev.integrations.core.model.FileQuery;
import dev.integrations.core.model.IntegrationType;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * One page of files: {@code integrations files list --via TYPE} ({@link Any}), and its shorthand
 * {@code integrations drive list} ({@link Drive}).
 */
abstract class FilesListCommand implements Callable<Integer> {
  static final String NEXT_PAGE_HEADER = "X-Next-Page-Token";

  final CliContext context;
  @Spec CommandSpec spec;
  @Mixin CommonOptions options;

  @Option(
      names = {"-q", "--query"},
      defaultValue = "",
      description = "The provider's query, e.g. Drive's \"name contains 'report'\".")
  String query;

  @Option(
      names = {"-n", "--page-size"},
      defaultValue = "100",
      description = "1 to 1000 (default: ${DEFAULT-VALUE}).")
  int pageSize;

  @Option(
      names = "--page-token",
      description = "The page to fetch, as printed after the previous one.")
  String pageToken;

  FilesListCommand(CliContext context) {
    this.context = context;
  }

  /** The files provider to list. */
  abstract IntegrationType type(Target target);

  @Override
  public Integer call() {
    Target target = context.target(options);
    IntegrationType type = type(target);
    FileQuery fileQuery = new FileQuery(query, pageSize, pageToken);
    Api.Listed<ActionBodies.File> page =
        target.act(
            integrations -> {
              FilePage files = integrations.actions().listFiles(target.user(), type, fileQuery);
              return new Api.Listed<>(
                  files.files().stream().map(ActionBodies.File::of).toList(),
                  files.nextPageToken());
            },
            api ->
                api.getList(
                    "/api/integrations/"
                        + type.value()
                        + "/files?"
                        + Api.param("q", query)
                        + "&"
                        + Api.param("page_size", String.valueOf(pageSize))
                        + (pageToken == null ? "" : "&" + Api.param("page_token", pageToken)),
                    ActionBodies.File.class,
                    NEXT_PAGE_HEADER));
    String next = page.header();
    Output output = Output.of(spec, options);
    // The files are the API's answer; the next page's token is its X-Next-Page-Token header, which
    // goes
    // to standard error under --json so that standard output stays that answer.
    output.result(
        page.items(),
        () -> {
          Table table = new Table("ID", "NAME", "TYPE", "SIZE", "MODIFIED");
          page.items()
              .forEach(
                  f ->
                      table.row(
                          f.id(),
                          f.name(),
                          f.mimeType(),
                          Format.bytes(f.size()),
                          Format.time(f.modifiedTime())));
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

  /** {@code integrations files list --via TYPE}. */
  @Command(
      name = "list",
      description =
          "List files through a files provider, one page at a time, optionally matching a query.")
  static final class Any extends FilesListCommand {
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

  /** {@code integrations drive list}. */
  @Command(
      name = "list",
      description = "List files, one page at a time, optionally matching a Drive query.")
  static final class Drive extends FilesListCommand {
    Drive(CliContext context) {
      super(context);
    }

    @Override
    IntegrationType type(Target target) {
      return IntegrationType.GOOGLE_DRIVE;
    }
  }
}
