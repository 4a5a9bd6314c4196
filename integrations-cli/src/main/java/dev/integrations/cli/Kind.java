package dev.integrations.cli;

import dev.integrations.bootstrap.presentation.IntegrationEntry;
import dev.integrations.core.model.Integration;
import dev.integrations.core.model.IntegrationType;

/**
 * What a command needs to know of the integration it was given, wherever it acts: its type, its
 * name for sentences, and whether it connects through OAuth.
 */
record Kind(IntegrationType type, String name, boolean requiresOauth) {
  static Kind of(Integration integration) {
    return new Kind(integration.type(), integration.name(), integration.requiresOAuth());
  }

  static Kind of(IntegrationEntry entry) {
    return new Kind(IntegrationType.of(entry.type()), entry.name(), entry.requiresOauth());
  }
}
