package dev.integrations.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.ProviderException;
import dev.integrations.core.model.Account;
import dev.integrations.core.model.Capability;
import dev.integrations.core.model.ChatMessage;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.Integration;
import dev.integrations.core.model.ProxyRequest;
import dev.integrations.core.model.ProxyResponse;
import dev.integrations.core.model.RevocationResult;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.SentMessage;
import dev.integrations.core.model.TestResult;
import dev.integrations.core.port.BotTokenProviderPort;
import dev.integrations.core.port.MessagingPort;
import dev.integrations.core.port.ProviderPort;
import dev.integrations.core.port.ProxyPort;
import dev.integrations.providers.ProviderContext;
import dev.integrations.providers.ProviderPlugin;
import dev.integrations.providers.catalog.GenericAdapters;
import dev.integrations.providers.catalog.ProviderSpec;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * A test-only provider plug-in: {@value #KEY}, a made-up bot-token chat service whose adapter
 * offers messages by posting {@code {"chat_id","text"}} to {@code <base_url>/messages} through the
 * catalog's generic proxy. It gives the capability routes a second messages provider before the
 * real Slack, Discord and Teams adapters exist; it is active only where a providers file adds an
 * {@value #KEY} entry (see {@link CapabilityRoutesTest}).
 */
public final class EchoChatPlugin implements ProviderPlugin {
  static final String KEY = "echo_chat";

  @Override
  public Set<String> keys() {
    return Set.of(KEY);
  }

  @Override
  public Map<String, ProviderPort> adapters(
      Map<String, ProviderSpec> specs, ProviderContext context) {
    ProviderPort generic = GenericAdapters.token(specs.get(KEY), context.http());
    return Map.of(KEY, new Adapter(generic, GenericAdapters.proxy(specs.get(KEY), context.http())));
  }

  private static final class Adapter implements BotTokenProviderPort, MessagingPort, ProxyPort {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ProviderPort generic;
    private final ProxyPort proxy;

    Adapter(ProviderPort generic, ProxyPort proxy) {
      this.generic = generic;
      this.proxy = proxy;
    }

    @Override
    public Integration integration() {
      return generic.integration().withCapabilities(Set.of(Capability.MESSAGES));
    }

    @Override
    public Account validate(Secret token) {
      return ((BotTokenProviderPort) generic).validate(token);
    }

    @Override
    public TestResult test(Credentials credentials) {
      return generic.test(credentials);
    }

    @Override
    public RevocationResult revoke(Credentials credentials) {
      return generic.revoke(credentials);
    }

    @Override
    public ProxyResponse call(Credentials credentials, ProxyRequest request) {
      return proxy.call(credentials, request);
    }

    @Override
    public SentMessage send(Credentials credentials, ChatMessage message) {
      try {
        byte[] body =
            JSON.writeValueAsBytes(Map.of("chat_id", message.chatId(), "text", message.text()));
        ProxyResponse answer =
            proxy.call(
                credentials,
                new ProxyRequest("POST", "/messages", Map.of(), body, "application/json"));
        JsonNode sent = JSON.readTree(answer.body());
        if (answer.status() != 200) {
          throw new ProviderException(
              ErrorCode.PROVIDER_REJECTED,
              "Echo Chat refused the message: "
                  + sent.path("error").asText("status " + answer.status())
                  + ".");
        }
        return new SentMessage(sent.path("id").asLong());
      } catch (IOException e) {
        throw new ProviderException(
            ErrorCode.PROVIDER_ERROR, "Echo Chat answered something unreadable.");
      }
    }
  }
}
