package dev.integrations.cli;

import dev.integrations.core.error.InvalidRequestException;

/** The passphrase of an archive: {@value #VARIABLE}, or typed at the terminal without echo. */
final class Passphrase {
  static final String VARIABLE = "INTEGRATIONS_EXPORT_PASSPHRASE";

  private Passphrase() {}

  /** Reads it; {@code confirm} asks twice at a terminal (for a new archive). */
  static char[] read(CliContext context, boolean confirm) {
    String value = context.settings().setting(VARIABLE).filter(v -> !v.isEmpty()).orElse(null);
    if (value == null) {
      if (!context.terminal().interactive()) {
        throw new InvalidRequestException(
            "The archive needs a passphrase: set "
                + VARIABLE
                + " or run at a terminal to type it.");
      }
      value = context.terminal().readSecret("Archive passphrase: ");
      if (value == null) {
        throw new InvalidRequestException("The passphrase must not be empty.");
      }
      if (confirm && !value.equals(context.terminal().readSecret("Same passphrase again: "))) {
        throw new InvalidRequestException("The two passphrases differ; nothing was written.");
      }
    }
    return value.toCharArray();
  }
}
