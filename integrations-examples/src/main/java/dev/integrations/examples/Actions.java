package dev.integrations.examples;

import dev.integrations.core.error.IntegrationException;
import dev.integrations.core.error.NotConnectedException;
import dev.integrations.core.error.ProviderException;
import dev.integrations.core.error.ReauthorizationRequiredException;
import dev.integrations.core.model.Capability;
import dev.integrations.core.model.ChatMessage;
import dev.integrations.core.model.ConnectionStatus;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.MailMessage;
import dev.integrations.core.model.ProxyRequest;
import dev.integrations.core.model.ProxyResponse;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.SentMail;
import dev.integrations.core.model.SentMessage;
import dev.integrations.core.model.UserId;
import dev.integrations.core.service.ActionService;
import dev.integrations.core.service.ConnectCommand;
import dev.integrations.core.service.Integrations;
import java.util.List;
import java.util.Map;

/** What an application does through its users' connections: send mail, connect a bot, message. */
public final class Actions {
  private final Integrations integrations;

  /** Actions on the assembled library. */
  public Actions(Integrations integrations) {
    this.integrations = integrations;
  }

  /** Sends the weekly report through the user's Gmail. */
  public SentMail sendReport(UserId user, String recipient) {
    // tag::send-mail[]
    MailMessage mail =
        MailMessage.text(List.of(recipient), "Weekly report", "All systems nominal.");
    SentMail sent = integrations.actions().sendMail(user, IntegrationType.GMAIL, mail);
    // end::send-mail[]
    return sent;
  }

  /** Connects the user's Telegram bot (the Bot API checks the token first) and posts to a chat. */
  public SentMessage connectBotAndAnnounce(UserId user, String botToken, String chatId) {
    // tag::telegram[]
    integrations
        .connections()
        .connect(ConnectCommand.botToken(user, IntegrationType.TELEGRAM, Secret.of(botToken)));
    SentMessage message =
        integrations
            .actions()
            .sendMessage(
                user, IntegrationType.TELEGRAM, ChatMessage.text(chatId, "Deploy finished ✅"));
    // end::telegram[]
    return message;
  }

  /**
   * Announces a deploy on Telegram and on Slack: one capability, one message shape, two providers
   * (each reads the chat id its own way: a Telegram chat id, a Slack channel id).
   */
  public List<SentMessage> announceOnTelegramAndSlack(
      UserId user, String telegramChat, String slackChannel) {
    // tag::messages-two-providers[]
    ActionService actions = integrations.actions();
    SentMessage onTelegram =
        actions.sendMessage(
            user, IntegrationType.TELEGRAM, ChatMessage.text(telegramChat, "Deploy finished ✅"));
    SentMessage onSlack =
        actions.sendMessage(
            user, IntegrationType.of("slack"), ChatMessage.text(slackChannel, "Deploy finished ✅"));
    // end::messages-two-providers[]
    return List.of(onTelegram, onSlack);
  }

  /**
   * The user's connections that can send messages: what an app offers when the user picks where.
   */
  public List<IntegrationType> messagingConnections(UserId user) {
    // tag::messages-pick[]
    List<IntegrationType> canMessage =
        integrations.connections().list(user).stream()
            .filter(s -> s.integration().can(Capability.MESSAGES))
            .filter(s -> s.connection().status() == ConnectionStatus.CONNECTED)
            .map(s -> s.integration().type())
            .toList();
    // end::messages-pick[]
    return canMessage;
  }

  /** Reads the user's GitHub repositories through the proxy: GitHub's own API, the user's token. */
  public ProxyResponse repositories(UserId user) {
    // tag::proxy[]
    ProxyResponse repos =
        integrations
            .actions()
            .proxy(
                user,
                IntegrationType.of("github"),
                new ProxyRequest(
                    "GET",
                    "/user/repos?per_page=5",
                    Map.of("Accept", List.of("application/json")),
                    null,
                    null));
    // repos.status(), repos.headers() (Link, rate limits…) and repos.body() are GitHub's own
    // end::proxy[]
    return repos;
  }

  /** Sends the report and tells what happened in a sentence for the user. */
  public String sendReportOrExplain(UserId user, String recipient) {
    // tag::errors[]
    try {
      SentMail sent = sendReport(user, recipient);
      return "Sent (" + sent.id() + ").";
    } catch (NotConnectedException e) {
      return "Connect Gmail first.";
    } catch (ReauthorizationRequiredException e) {
      return "Google no longer accepts the connection: connect Gmail again.";
    } catch (ProviderException e) {
      // unavailable, timed out, rate limited or refused, after the adapter's bounded retries
      return "Gmail failed (" + e.code().wireName() + "): " + e.getMessage();
    } catch (IntegrationException e) {
      return "Could not send (" + e.code().wireName() + "): " + e.getMessage();
    }
    // end::errors[]
  }
}
