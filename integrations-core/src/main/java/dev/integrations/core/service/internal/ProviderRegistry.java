package dev.integrations.core.service.internal;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.InvalidRequestException;
import dev.integrations.core.error.UnsupportedCapabilityException;
import dev.integrations.core.model.Capability;
import dev.integrations.core.model.Integration;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.port.FilesPort;
import dev.integrations.core.port.MailPort;
import dev.integrations.core.port.MessagingPort;
import dev.integrations.core.port.ProviderPort;
import dev.integrations.core.port.ProxyPort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The provider adapters by integration type, in catalog order. Immutable and thread-safe. */
public final class ProviderRegistry {
  private final Map<IntegrationType, ProviderPort> providers;
  private final List<Integration> catalog;

  /** The port that serves each capability. */
  private static final Map<Capability, Class<?>> PORTS =
      Map.of(
          Capability.MAIL,
          MailPort.class,
          Capability.FILES,
          FilesPort.class,
          Capability.MESSAGES,
          MessagingPort.class);

  /**
   * The providers in catalog order. A type registered twice is refused, and so is a provider that
   * declares a capability without implementing its port.
   */
  public ProviderRegistry(List<ProviderPort> providers) {
    Map<IntegrationType, ProviderPort> byType = new LinkedHashMap<>();
    for (ProviderPort provider : providers) {
      IntegrationType type = provider.integration().type();
      if (byType.putIfAbsent(type, provider) != null) {
        throw new IllegalArgumentException("two providers for integration " + type);
      }
      for (Capability capability : provider.integration().capabilities()) {
        if (!PORTS.get(capability).isInstance(provider)) {
          throw new IllegalArgumentException(
              "the provider of "
                  + type
                  + " declares "
                  + capability.wireName()
                  + " but does not implement "
                  + PORTS.get(capability).getSimpleName());
        }
      }
    }
    this.providers = Map.copyOf(byType);
    this.catalog = providers.stream().map(ProviderPort::integration).toList();
  }

  /** Every integration, in the order the providers were registered. */
  public List<Integration> catalog() {
    return catalog;
  }

  /** The provider of {@code type}, or a 400-style error naming the type as invalid. */
  public ProviderPort provider(IntegrationType type) {
    ProviderPort provider = providers.get(type);
    if (provider == null) {
      throw new InvalidRequestException(
          ErrorCode.INVALID_INTEGRATION_TYPE, "Invalid integration type");
    }
    return provider;
  }

  /**
   * The provider of {@code type} as the port of {@code capability}, when it declares it; otherwise
   * an {@code unsupported_capability} error naming what it offers.
   */
  public <T> T capability(
      IntegrationType type, Capability capability, Class<T> port, String operation) {
    if (PORTS.get(capability) != port) {
      throw new IllegalArgumentException(
          port.getSimpleName() + " does not serve " + capability.wireName());
    }
    ProviderPort provider = provider(type);
    if (!provider.integration().can(capability)) {
      throw unsupported(provider, operation);
    }
    return port.cast(provider);
  }

  /**
   * What {@code type} offers, by wire name: its capabilities in declaration order ({@code mail},
   * {@code files}, {@code messages}), then {@code proxy} when its adapter calls the provider's own
   * API.
   */
  public List<String> offered(IntegrationType type) {
    ProviderPort provider = provider(type);
    List<String> offered = new ArrayList<>();
    for (Capability capability : Capability.values()) {
      if (provider.integration().can(capability)) {
        offered.add(capability.wireName());
      }
    }
    if (provider instanceof ProxyPort) {
      offered.add("proxy");
    }
    return List.copyOf(offered);
  }

  /**
   * The {@code unsupported_capability} error of {@code type} for {@code operation} ("send
   * messages").
   */
  public UnsupportedCapabilityException unsupported(IntegrationType type, String operation) {
    return unsupported(provider(type), operation);
  }

  private UnsupportedCapabilityException unsupported(ProviderPort provider, String operation) {
    Integration integration = provider.integration();
    return new UnsupportedCapabilityException(
        integration.name(), operation, offered(integration.type()));
  }

  /**
   * The provider of {@code type} as a {@link ProxyPort}, when its adapter calls the provider's own
   * API; otherwise an unsupported-operation error ("X has no proxy.").
   */
  public ProxyPort proxy(IntegrationType type) {
    ProviderPort provider = provider(type);
    if (!(provider instanceof ProxyPort proxy)) {
      throw new InvalidRequestException(
          ErrorCode.UNSUPPORTED_OPERATION, provider.integration().name() + " has no proxy.");
    }
    return proxy;
  }
}
