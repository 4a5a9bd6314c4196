package dev.integrations.core.testing;

import dev.integrations.core.error.CredentialsRejectedException;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.InvalidRequestException;
import dev.integrations.core.model.Account;
import dev.integrations.core.model.AuthMethod;
import dev.integrations.core.model.Capability;
import dev.integrations.core.model.ChatMessage;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.Integration;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.RevocationResult;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.SentMessage;
import dev.integrations.core.model.TestResult;
import dev.integrations.core.port.BotTokenProviderPort;
import dev.integrations.core.port.MessagingPort;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicInteger;

/** A bot-token provider that accepts the tokens in {@link #validTokens}. */
public final class FakeBotProvider implements BotTokenProviderPort, MessagingPort {
  public final Set<String> validTokens = new CopyOnWriteArraySet<>();
  public final AtomicInteger validateCalls = new AtomicInteger();

  private final Integration integration =
      new Integration(
              IntegrationType.TELEGRAM,
              "Telegram",
              "Messages",
              "message-circle",
              AuthMethod.BOT_TOKEN,
              Set.of())
          .withCapabilities(Set.of(Capability.MESSAGES));

  @Override
  public Integration integration() {
    return integration;
  }

  @Override
  public Account validate(Secret token) {
    validateCalls.incrementAndGet();
    if (!validTokens.contains(token.reveal())) {
      throw new InvalidRequestException(
          ErrorCode.INVALID_CREDENTIALS, "Telegram rejected the bot token.");
    }
    return new Account("42", "@fake_bot");
  }

  @Override
  public TestResult test(Credentials credentials) {
    if (!validTokens.contains(credentials.accessToken().reveal())) {
      throw new CredentialsRejectedException("Telegram says the bot token was revoked.");
    }
    return TestResult.passed("Bot @fake_bot is reachable.", new Account("42", "@fake_bot"));
  }

  @Override
  public RevocationResult revoke(Credentials credentials) {
    return RevocationResult.notSupported();
  }

  @Override
  public SentMessage send(Credentials credentials, ChatMessage message) {
    if (!validTokens.contains(credentials.accessToken().reveal())) {
      throw new CredentialsRejectedException("Telegram says the bot token was revoked.");
    }
    return new SentMessage(7);
  }
}
