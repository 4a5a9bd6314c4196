package dev.integrations.core.model;

/** A sent e-mail as the provider identifies it. */
public record SentMail(String id, String threadId) {}
