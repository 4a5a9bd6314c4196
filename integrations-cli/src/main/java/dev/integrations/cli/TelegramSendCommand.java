package dev.integrations.cli;

import dev.integrations.bootstrap.presentation.ActionBodies;
import dev.integrations.core.model.ChatMessage;
import dev.integrations.core.model.IntegrationType;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code integrations telegram send}: sends a chat message; never sent twice on a retry. */
@Command(name = "send", description = "Send a message. The text comes from --text, --text-file or standard input.")
final class TelegramSendCommand implements Callable<Integer> {
  private final CliContext context;
  @Spec CommandSpec spec;
  @Mixin CommonOptions options;

  @Option(names = {"-c", "--chat"}, required = true, paramLabel = "CHAT_ID", description = "A numeric chat id or @channelusername.")
  String chatId;

  @Option(names = {"-t", "--text"}, description = "The message.")
  String text;

  @Option(names = "--text-file", paramLabel = "FILE", description = "Read the message from FILE ('-' for standard input).")
  Path textFile;

  @Option(names = "--parse-mode", paramLabel = "MODE", description = "MarkdownV2 or HTML (default: plain text).")
  String parseMode;

  @Option(names = "--silent", description = "Deliver without a notification sound.")
  boolean silent;

  TelegramSendCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    String body = TextInput.read(spec, context.terminal(), text, textFile, "message text");
    ChatMessage message = new ChatMessage(chatId, body, parseMode, silent);
    Target target = context.target(options);
    ActionBodies.MessageSent sent = target.act(
        integrations -> ActionBodies.MessageSent.of(
            integrations.actions().sendMessage(target.user(), IntegrationType.TELEGRAM, message)),
        api -> api.post("/api/integrations/telegram/messages",
            new ActionBodies.SendChatMessage(chatId, body, parseMode, silent), ActionBodies.MessageSent.class));
    Output output = Output.of(spec, options);
    output.result(sent, () -> output.line(
        "Sent message " + sent.messageId() + " to chat " + message.chatId() + "."));
    return ExitCodes.OK;
  }
}
