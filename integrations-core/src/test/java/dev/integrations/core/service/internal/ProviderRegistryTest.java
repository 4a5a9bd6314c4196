package dev.integrations.core.service.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.InvalidRequestException;
import dev.integrations.core.error.UnsupportedCapabilityException;
import dev.integrations.core.model.AuthMethod;
import dev.integrations.core.model.Capability;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.Integration;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.RevocationResult;
import dev.integrations.core.model.TestResult;
import dev.integrations.core.port.MailPort;
import dev.integrations.core.port.MessagingPort;
import dev.integrations.core.port.ProviderPort;
import dev.integrations.core.testing.FakeBotProvider;
import dev.integrations.core.testing.FakeOAuthProvider;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Capabilities are declared by each provider and checked when the registry is built, not found by
 * casts.
 */
class ProviderRegistryTest {
  private static Integration gmailLike(Set<Capability> capabilities) {
    return new Integration(
            IntegrationType.GMAIL, "Gmail", "Mail", "mail", AuthMethod.OAUTH2, Set.of("s"))
        .withCapabilities(capabilities);
  }

  @Test
  void a_provider_declaring_a_capability_it_does_not_implement_is_refused_at_start() {
    ProviderPort bot =
        new ProviderPort() {
          @Override
          public Integration integration() {
            return new FakeBotProvider().integration().withCapabilities(Set.of(Capability.MAIL));
          }

          @Override
          public TestResult test(Credentials credentials) {
            throw new UnsupportedOperationException();
          }

          @Override
          public RevocationResult revoke(Credentials credentials) {
            throw new UnsupportedOperationException();
          }
        };

    assertThatThrownBy(() -> new ProviderRegistry(List.of(bot)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the provider of telegram declares mail but does not implement MailPort");
  }

  @Test
  void an_implemented_port_that_is_not_declared_is_not_offered() {
    ProviderRegistry registry =
        new ProviderRegistry(List.of(new FakeOAuthProvider(gmailLike(Set.of()))));

    assertThatThrownBy(
            () ->
                registry.capability(
                    IntegrationType.GMAIL, Capability.MAIL, MailPort.class, "send mail"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("Gmail cannot send mail; it offers: proxy.")
        .extracting("code")
        .isEqualTo(ErrorCode.UNSUPPORTED_CAPABILITY);
  }

  @Test
  void what_a_type_offers_is_its_capabilities_in_order_then_the_proxy() {
    ProviderRegistry registry =
        new ProviderRegistry(
            List.of(
                new FakeOAuthProvider(gmailLike(Set.of(Capability.MAIL))), new FakeBotProvider()));

    assertThat(registry.offered(IntegrationType.GMAIL)).containsExactly("mail", "proxy");
    assertThat(registry.offered(IntegrationType.TELEGRAM)).containsExactly("messages");
    assertThat(registry.unsupported(IntegrationType.TELEGRAM, "list files"))
        .hasMessage("Telegram cannot list files; it offers: messages.")
        .extracting(UnsupportedCapabilityException::offered)
        .isEqualTo(List.of("messages"));
  }

  @Test
  void a_declared_capability_is_served_by_its_port() {
    FakeOAuthProvider gmail = new FakeOAuthProvider(gmailLike(Set.of(Capability.MAIL)));
    ProviderRegistry registry = new ProviderRegistry(List.of(gmail));

    assertThat(
            registry.capability(
                IntegrationType.GMAIL, Capability.MAIL, MailPort.class, "send mail"))
        .isSameAs(gmail);
    assertThatThrownBy(
            () ->
                registry.capability(
                    IntegrationType.GMAIL, Capability.MAIL, MessagingPort.class, "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
