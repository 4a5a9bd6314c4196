package dev.integrations.providers.dropbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.core.error.InvalidRequestException;
import dev.integrations.core.model.RemoteFile;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Dropbox's {@code Metadata} as a {@link RemoteFile} (Dropbox gives no media type), and the paths
 * of uploads.
 *
 * @see <a
 *     href="https://www.dropbox.com/developers/documentation/http/documentation#files-get_metadata">Metadata</a>
 */
public final class Entries {
  private Entries() {}

  /** The file or folder {@code metadata} describes. */
  public static RemoteFile file(JsonNode metadata) {
    JsonNode size = metadata.get("size");
    return new RemoteFile(
        text(metadata, "id"),
        text(metadata, "name"),
        null,
        size == null || !size.isNumber() ? null : size.asLong(),
        instant(text(metadata, "server_modified")));
  }

  /**
   * The path of {@code name} in the folder {@code parent}: a path ({@code /Reports}), a folder id
   * ({@code id:a4ayc_80_OEAAAAAAAAAXw}) or null for the root.
   *
   * @throws InvalidRequestException when the name holds a slash or a backslash
   */
  public static String path(String parent, String name) {
    if (name.contains("/") || name.contains("\\")) {
      throw new InvalidRequestException("A Dropbox file name cannot contain / or \\.");
    }
    if (parent == null || parent.isBlank()) {
      return "/" + name;
    }
    String folder = parent.strip();
    return (folder.endsWith("/") ? folder : folder + "/") + name;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static Instant instant(String value) {
    try {
      return value == null ? null : Instant.parse(value);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
