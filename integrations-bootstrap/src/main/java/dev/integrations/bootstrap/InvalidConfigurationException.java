package dev.integrations.bootstrap;

/**
 * A configuration value is missing or malformed; the message names the key and what is expected.
 */
public final class InvalidConfigurationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidConfigurationException(String message) {
    super(message);
  }
}
