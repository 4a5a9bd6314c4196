package dev.integrations.cli;

import dev.integrations.bootstrap.presentation.ActionBodies;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.MailQuery;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code integrations gmail list}: searches the mailbox. */
@Command(name = "list", description = "List messages, newest first, optionally matching a Gmail search.")
final class GmailListCommand implements Callable<Integer> {
  private final CliContext context;
  @Spec CommandSpec spec;
  @Mixin CommonOptions options;

  @Option(names = {"-q", "--query"}, defaultValue = "", description = "Gmail search syntax, e.g. 'from:ann is:unread'.")
  String query;

  @Option(names = {"-n", "--max-results"}, defaultValue = "20", description = "1 to 500 (default: ${DEFAULT-VALUE}).")
  int maxResults;

  GmailListCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    MailQuery mailQuery = new MailQuery(query, maxResults);
    Target target = context.target(options);
    List<ActionBodies.Mail> messages = target.act(
        integrations -> integrations.actions().searchMail(target.user(), IntegrationType.GMAIL, mailQuery).stream()
            .map(ActionBodies.Mail::of).toList(),
        api -> api.getList("/api/integrations/gmail/messages?" + Api.param("q", query) + "&"
            + Api.param("max_results", String.valueOf(maxResults)), ActionBodies.Mail.class));
    Output output = Output.of(spec, options);
    output.result(messages, () -> {
      Table table = new Table("DATE", "FROM", "SUBJECT", "ID");
      messages.forEach(m -> table.row(Format.time(m.date()), m.from(), m.subject(), m.id()));
      output.table(table);
    });
    return ExitCodes.OK;
  }
}
