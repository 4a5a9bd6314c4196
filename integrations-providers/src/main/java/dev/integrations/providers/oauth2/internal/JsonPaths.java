package dev.integrations.providers.oauth2.internal;

import com.fasterxml.jackson.databind.JsonNode;

/** Dotted paths into JSON answers ({@code authed_user.access_token}, {@code result.id}). */
public final class JsonPaths {
  private JsonPaths() {}

  /** The node at {@code path}, or a missing node. */
  public static JsonNode at(JsonNode root, String path) {
    JsonNode node = root;
    for (String part : path.split("\\.")) {
      node = node.path(part);
    }
    return node;
  }

  /** The text at {@code path} (numbers as their digits), or null when absent, null or empty. */
  public static String text(JsonNode root, String path) {
    if (path == null) {
      return null;
    }
    JsonNode node = at(root, path);
    if (node.isMissingNode() || node.isNull() || node.isContainerNode()) {
      return null;
    }
    String text = node.asText();
    return text.isEmpty() ? null : text;
  }
}
