package dev.integrations.core.service;

import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.RevocationResult;

/** A finished disconnect: local credentials are gone; the revocation says what the provider did. */
public record DisconnectResult(IntegrationType type, RevocationResult revocation) {}
