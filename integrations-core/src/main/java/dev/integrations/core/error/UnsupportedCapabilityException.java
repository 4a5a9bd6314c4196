package dev.integrations.core.error;

import java.util.List;

/**
 * An action asked an integration for a capability it does not offer (mail through Telegram,
 * messages through GitHub). The message names what it offers instead, for example {@code "GitHub
 * cannot send messages; it offers: proxy."}; {@link #offered()} lists the same names for programs.
 */
public class UnsupportedCapabilityException extends InvalidRequestException {
  private static final long serialVersionUID = 1L;

  /**
   * The wire names of what the integration offers ({@code mail}, {@code files}, {@code messages},
   * {@code proxy}).
   */
  private final List<String> offered;

  /**
   * {@code integrationName} cannot do {@code operation} ("send messages"); it offers {@code
   * offered}.
   */
  public UnsupportedCapabilityException(
      String integrationName, String operation, List<String> offered) {
    super(
        ErrorCode.UNSUPPORTED_CAPABILITY,
        integrationName
            + " cannot "
            + operation
            + "; it offers"
            + (offered.isEmpty()
                ? " none of mail, files or messages."
                : ": " + String.join(", ", offered) + "."));
    this.offered = List.copyOf(offered);
  }

  /** What the integration offers, by wire name, in a stable order. */
  public List<String> offered() {
    return offered;
  }
}
