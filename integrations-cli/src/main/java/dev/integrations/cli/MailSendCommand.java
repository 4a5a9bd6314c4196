package dev.integrations.cli;

import dev.integrations.bootstrap.presentation.ActionBodies;
import dev.integrations.core.model.Capability;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.MailMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Sends an e-mail through a mail provider: {@code integrations mail send --via TYPE} ({@link Any}),
 * and its shorthand {@code integrations gmail send} ({@link Gmail}), the same code with the type
 * fixed.
 */
abstract class MailSendCommand implements Callable<Integer> {
  final CliContext context;
  @Spec CommandSpec spec;
  @Mixin CommonOptions options;

  @Option(
      names = "--to",
      required = true,
      split = ",",
      paramLabel = "ADDRESS",
      description = "Recipient (repeatable).")
  List<String> to;

  @Option(
      names = "--cc",
      split = ",",
      paramLabel = "ADDRESS",
      description = "Carbon-copy recipient (repeatable).")
  List<String> cc = new ArrayList<>();

  @Option(
      names = "--bcc",
      split = ",",
      paramLabel = "ADDRESS",
      description = "Blind carbon-copy recipient (repeatable).")
  List<String> bcc = new ArrayList<>();

  @Option(
      names = {"-s", "--subject"},
      defaultValue = "",
      description = "The subject.")
  String subject;

  @Option(
      names = {"-b", "--body"},
      description = "The plain-text body.")
  String body;

  @Option(
      names = "--body-file",
      paramLabel = "FILE",
      description = "Read the body from FILE ('-' for standard input).")
  Path bodyFile;

  @Option(
      names = "--html-file",
      paramLabel = "FILE",
      description = "An HTML alternative of the body.")
  Path htmlFile;

  MailSendCommand(CliContext context) {
    this.context = context;
  }

  /** The mail provider to send through. */
  abstract IntegrationType type(Target target);

  @Override
  public Integer call() {
    Target target = context.target(options);
    IntegrationType type = type(target);
    String text = TextInput.read(spec, context.terminal(), body, bodyFile, "body");
    String html =
        htmlFile == null
            ? null
            : TextInput.read(spec, context.terminal(), null, htmlFile, "HTML body");
    MailMessage message = new MailMessage(to, cc, bcc, subject, text, html);
    ActionBodies.MailSent sent =
        target.act(
            integrations ->
                ActionBodies.MailSent.of(
                    integrations.actions().sendMail(target.user(), type, message)),
            api ->
                api.post(
                    "/api/integrations/" + type.value() + "/messages",
                    new ActionBodies.SendMail(to, cc, bcc, subject, text, html),
                    ActionBodies.MailSent.class));
    Output output = Output.of(spec, options);
    output.result(
        sent,
        () ->
            output.line(
                (sent.id() == null ? "Sent the message" : "Sent message " + sent.id())
                    + " to "
                    + String.join(", ", to)
                    + "."));
    return ExitCodes.OK;
  }

  /** {@code integrations mail send --via TYPE}. */
  @Command(
      name = "send",
      description =
          "Send an e-mail through a mail provider. The body comes from --body, "
              + "--body-file or standard input.")
  static final class Any extends MailSendCommand {
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

  /** {@code integrations gmail send}. */
  @Command(
      name = "send",
      description = "Send an e-mail. The body comes from --body, --body-file or standard input.")
  static final class Gmail extends MailSendCommand {
    Gmail(CliContext context) {
      super(context);
    }

    @Override
    IntegrationType type(Target target) {
      return IntegrationType.GMAIL;
    }
  }
}
