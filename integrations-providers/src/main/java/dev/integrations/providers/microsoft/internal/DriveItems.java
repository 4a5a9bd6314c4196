package dev.integrations.providers.microsoft.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.core.error.InvalidRequestException;
import dev.integrations.core.model.RemoteFile;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * OneDrive's {@code driveItem} as a {@link RemoteFile}, and the names OneDrive accepts.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/resources/driveitem">driveItem</a>
 */
public final class DriveItems {
  /** The fields a listing reads. */
  public static final String FIELDS = "id,name,size,lastModifiedDateTime,file,folder";

  private static final Pattern FORBIDDEN = Pattern.compile("[\"*:<>?/\\\\|]");

  private DriveItems() {}

  /** The file {@code item} describes; a folder has no media type. */
  public static RemoteFile file(JsonNode item) {
    JsonNode size = item.get("size");
    return new RemoteFile(
        text(item, "id"),
        text(item, "name"),
        text(item.path("file"), "mimeType"),
        size == null || !size.isNumber() ? null : size.asLong(),
        instant(text(item, "lastModifiedDateTime")));
  }

  /**
   * {@code name} when OneDrive takes it as a file name.
   *
   * @throws InvalidRequestException when it holds a character OneDrive refuses in names
   */
  public static String requireName(String name) {
    if (FORBIDDEN.matcher(name).find()) {
      throw new InvalidRequestException(
          "OneDrive file names cannot contain \" * : < > ? / \\ or |.");
    }
    return name;
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
