package dev.integrations.cli;

import dev.integrations.bootstrap.presentation.ActionBodies;
import dev.integrations.core.model.Capability;
import dev.integrations.core.model.ChatMessage;
import dev.integrations.core.model.IntegrationType;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Sends a chat message, never twice on a retry: {@code integrations message send --via TYPE}
 * ({@link Any}), and its shorthand {@code integrations telegram send} ({@link Telegram}).
 */
abstract class MessageSendCommand implements Callable<Integer> {
  final CliContext context;
  @Spec CommandSpec spec;
  @Mixin CommonOptions options;

  @Option(
      names = {"-c", "--chat"},
      required = true,
      paramLabel = "CHAT_ID",
      description =
          "Where it goes: a Telegram chat id or @channelusername; a Slack or Discord channel id; "
              + "teamId/channelId for a Teams channel; a phone number for WhatsApp.")
  String chatId;

  @Option(
      names = {"-t", "--text"},
      description = "The message.")
  String text;

  @Option(
      names = "--text-file",
      paramLabel = "FILE",
      description = "Read the message from FILE ('-' for standard input).")
  Path textFile;

  @Option(
      names = "--parse-mode",
      paramLabel = "MODE",
      description = "Telegram: MarkdownV2 or HTML (default: plain text).")
  String parseMode;

  @Option(names = "--silent", description = "Deliver without a notification sound.")
  boolean silent;

  MessageSendCommand(CliContext context) {
    this.context = context;
  }

  /** The messages provider to send through. */
  abstract IntegrationType type(Target target);

  @Override
  public Integer call() {
    Target target = context.target(options);
    IntegrationType type = type(target);
    String body = TextInput.read(spec, context.terminal(), text, textFile, "message text");
    ChatMessage message = new ChatMessage(chatId, body, parseMode, silent);
    ActionBodies.MessageSent sent =
        target.act(
            integrations ->
                ActionBodies.MessageSent.of(
                    integrations.actions().sendMessage(target.user(), type, message)),
            api ->
                api.post(
                    "/api/integrations/" + type.value() + "/messages",
                    new ActionBodies.SendChatMessage(chatId, body, parseMode, silent),
                    ActionBodies.MessageSent.class));
    Output output = Output.of(spec, options);
    output.result(
        sent,
        () ->
            output.line("Sent message " + sent.messageId() + " to chat " + message.chatId() + "."));
    return ExitCodes.OK;
  }

  /** {@code integrations message send --via TYPE}. */
  @Command(
      name = "send",
      description =
          "Send a chat message through a messages provider. The text comes from "
              + "--text, --text-file or standard input.")
  static final class Any extends MessageSendCommand {
    @Option(
        names = "--via",
        required = true,
        paramLabel = "TYPE",
        completionCandidates = ViaTypes.Messages.class,
        description = "The messages provider: ${COMPLETION-CANDIDATES}.")
    String via;

    Any(CliContext context) {
      super(context);
    }

    @Override
    IntegrationType type(Target target) {
      return ViaTypes.type(target, context, via, Capability.MESSAGES);
    }
  }

  /** {@code integrations telegram send}. */
  @Command(
      name = "send",
      description = "Send a message. The text comes from --text, --text-file or standard input.")
  static final class Telegram extends MessageSendCommand {
    Telegram(CliContext context) {
      super(context);
    }

    @Override
    IntegrationType type(Target target) {
      return IntegrationType.TELEGRAM;
    }
  }
}
