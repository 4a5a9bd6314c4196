package dev.integrations.providers.oauth2;

import dev.integrations.core.model.Secret;
import java.util.Objects;

/**
 * An OAuth client registered at a provider: its id and secret ({@code <GROUP>_CLIENT_ID} and {@code
 * <GROUP>_CLIENT_SECRET}). {@link #toString()} never shows the secret.
 */
public record ClientCredentials(String clientId, Secret clientSecret) {
  /** Requires both. */
  public ClientCredentials {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    if (clientId.isBlank()) {
      throw new IllegalArgumentException("The client id is blank");
    }
  }

  @Override
  public String toString() {
    return "ClientCredentials[clientId=" + clientId + ", clientSecret=***]";
  }
}
