package dev.integrations.core.model;

import dev.integrations.core.error.InvalidRequestException;

/**
 * Identifies a user of the host application. Opaque to this library: 1 to 255 characters, no
 * control characters.
 */
public record UserId(String value) {
  /** Refuses a blank, over-long or control-character id with {@code invalid_request}. */
  public UserId {
    if (value == null || value.isBlank()) {
      throw new InvalidRequestException("A user id is required.");
    }
    if (value.length() > 255) {
      throw new InvalidRequestException("A user id has at most 255 characters.");
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidRequestException("A user id must not contain control characters.");
    }
  }

  /** The user with id {@code value}. */
  public static UserId of(String value) {
    return new UserId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
