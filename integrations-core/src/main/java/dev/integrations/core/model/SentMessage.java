package dev.integrations.core.model;

/** A delivered chat message as the provider identifies it. */
public record SentMessage(long messageId) {}
