package dev.integrations.cli;

import dev.integrations.bootstrap.presentation.ActionBodies;
import dev.integrations.core.model.Capability;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.MailQuery;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Searches a mailbox: {@code integrations mail list --via TYPE} ({@link Any}), and its shorthand
 * {@code integrations gmail list} ({@link Gmail}).
 */
abstract class MailListCommand implements Callable<Integer> {
  final CliContext context;
  @Spec CommandSpec spec;
  @Mixin CommonOptions options;

  @Option(
      names = {"-q", "--query"},
      defaultValue = "",
      description = "The provider's search syntax, e.g. Gmail's 'from:ann is:unread'.")
  String query;

  @Option(
      names = {"-n", "--max-results"},
      defaultValue = "20",
      description = "1 to 500 (default: ${DEFAULT-VALUE}).")
  int maxResults;

  MailListCommand(CliContext context) {
    this.context = context;
  }

  /** The mail provider to search. */
  abstract IntegrationType type(Target target);

  @Override
  public Integer call() {
    Target target = context.target(options);
    IntegrationType type = type(target);
    MailQuery mailQuery = new MailQuery(query, maxResults);
    List<ActionBodies.Mail> messages =
        target.act(
            integrations ->
                integrations.actions().searchMail(target.user(), type, mailQuery).stream()
                    .map(ActionBodies.Mail::of)
                    .toList(),
            api ->
                api.getList(
                    "/api/integrations/"
                        + type.value()
                        + "/messages?"
                        + Api.param("q", query)
                        + "&"
                        + Api.param("max_results", String.valueOf(maxResults)),
                    ActionBodies.Mail.class));
    Output output = Output.of(spec, options);
    output.result(
        messages,
        () -> {
          Table table = new Table("DATE", "FROM", "SUBJECT", "ID");
          messages.forEach(m -> table.row(Format.time(m.date()), m.from(), m.subject(), m.id()));
          output.table(table);
        });
    return ExitCodes.OK;
  }

  /** {@code integrations mail list --via TYPE}. */
  @Command(
      name = "list",
      description =
          "List messages, newest first, optionally matching a search, through a mail provider.")
  static final class Any extends MailListCommand {
    @Option(
        names = "--via",
        required = true,
        paramLabel = "TYPE",
        completionCandidates = ViaTypes.Mail.class,
        description = "The mail provider: ${COMPLETION-CANDIDATES}.")
    String via;

    Any(CliContext context) {
      super(context);
    }

    @Override
    IntegrationType type(Target target) {
      return ViaTypes.type(target, context, via, Capability.MAIL);
    }
  }

  /** {@code integrations gmail list}. */
  @Command(
      name = "list",
      description = "List messages, newest first, optionally matching a Gmail search.")
  static final class Gmail extends MailListCommand {
    Gmail(CliContext context) {
      super(context);
    }

    @Override
    IntegrationType type(Target target) {
      return IntegrationType.GMAIL;
    }
  }
}
