package dev.integrations.core.model;

import java.time.Instant;

/** One message of a mail search; fields the provider did not give are null. */
public record MailSummary(
    String id, String threadId, String from, String subject, String snippet, Instant date) {}
