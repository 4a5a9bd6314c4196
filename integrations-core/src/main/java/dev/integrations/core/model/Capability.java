package dev.integrations.core.model;

import java.util.Arrays;
import java.util.Optional;

/** What a connection can do, beyond being tested and disconnected. A provider declares its own. */
public enum Capability {
  /** Send and search mail ({@link dev.integrations.core.port.MailPort}). */
  MAIL("mail"),
  /** List and upload files ({@link dev.integrations.core.port.FilesPort}). */
  FILES("files"),
  /** Send chat messages ({@link dev.integrations.core.port.MessagingPort}). */
  MESSAGES("messages");

  private final String wireName;

  Capability(String wireName) {
    this.wireName = wireName;
  }

  /** The name in the catalog, JSON and the CLI. */
  public String wireName() {
    return wireName;
  }

  /** The capability named {@code name}, if any. */
  public static Optional<Capability> of(String name) {
    return Arrays.stream(values()).filter(c -> c.wireName.equals(name)).findFirst();
  }
}
