package dev.integrations.core.service.internal;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.InvalidRequestException;
import dev.integrations.core.model.Integration;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.port.ProviderPort;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The provider adapters by integration type, in catalog order. Immutable and thread-safe. */
public final class ProviderRegistry {
  private final Map<IntegrationType, ProviderPort> providers;
  private final List<Integration> catalog;

  /** The providers in catalog order; a type registered twice is refused. */
  public ProviderRegistry(List<ProviderPort> providers) {
    Map<IntegrationType, ProviderPort> byType = new LinkedHashMap<>();
    for (ProviderPort provider : providers) {
      IntegrationType type = provider.integration().type();
      if (byType.putIfAbsent(type, provider) != null) {
        throw new IllegalArgumentException("two providers for integration " + type);
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
      throw new InvalidRequestException(ErrorCode.INVALID_INTEGRATION_TYPE, "Invalid integration type");
    }
    return provider;
  }

  /** The provider of {@code type} as the capability {@code port}, or an unsupported-operation error. */
  public <T> T capability(IntegrationType type, Class<T> port, String operation) {
    ProviderPort provider = provider(type);
    if (!port.isInstance(provider)) {
      throw new InvalidRequestException(
          ErrorCode.UNSUPPORTED_OPERATION,
          provider.integration().name() + " cannot " + operation + ".");
    }
    return port.cast(provider);
  }
}
