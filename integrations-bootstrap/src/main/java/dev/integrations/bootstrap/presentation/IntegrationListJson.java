package dev.integrations.bootstrap.presentation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.integrations.core.model.Connection;
import dev.integrations.core.model.Integration;
import dev.integrations.core.model.IntegrationStatus;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.UsageCount;
import dev.integrations.core.model.UserId;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON of {@code GET /api/integrations}: byte for byte what {@link JsonMapping} writes for the
 * list of {@link IntegrationEntry}, written faster. Most entries of a list are integrations the
 * user has not connected, and those are the same for every user: each is serialised once, when this
 * is built, and copied as bytes after (docs/performance.md measured the per-request serialisation
 * of twelve entries at a fifth of the request's CPU). The entry of a connection is serialised when
 * it is first seen and remembered by its value (at most {@value #MAX_REMEMBERED} of them, forgotten
 * all at once beyond that): a list asked for again and again answers the same entries until the
 * connection changes, and a changed connection is a different value, serialised anew. Serialising
 * is a function of the value alone, so a remembered entry is exactly what the mapper would write;
 * the query still runs on every request.
 *
 * <p>Thread-safe.
 */
public final class IntegrationListJson {
  /** Whose disconnected entry is written once: an entry names no user. */
  private static final UserId NOBODY = UserId.of("-");

  /** How many connections' entries are remembered (a few hundred bytes each). */
  static final int MAX_REMEMBERED = 4096;

  private final ObjectMapper mapper;
  private final Map<IntegrationType, Unconnected> unconnected = new HashMap<>();
  private final Map<IntegrationEntry, byte[]> connected = new ConcurrentHashMap<>();

  /** Writes with {@code json}'s mapper, knowing the entries of {@code catalog} beforehand. */
  public IntegrationListJson(JsonMapping json, List<Integration> catalog) {
    this.mapper = json.mapper();
    for (Integration integration : catalog) {
      IntegrationEntry entry =
          IntegrationEntry.of(
              new IntegrationStatus(
                  integration, Connection.disconnected(NOBODY, integration.type())));
      unconnected.put(integration.type(), new Unconnected(integration, bytes(entry)));
    }
  }

  /** The list's JSON array, entries in the order given. */
  public byte[] write(List<IntegrationStatus> statuses) {
    byte[][] entries = new byte[statuses.size()][];
    int size = 2 + Math.max(0, entries.length - 1); // [ ] and the commas
    for (int i = 0; i < entries.length; i++) {
      IntegrationStatus status = statuses.get(i);
      Unconnected known = unconnected.get(status.integration().type());
      entries[i] =
          known != null && known.integration() == status.integration() && isUnconnected(status)
              ? known.json()
              : connected(IntegrationEntry.of(status));
      size += entries[i].length;
    }
    byte[] out = new byte[size];
    out[0] = '[';
    int at = 1;
    for (int i = 0; i < entries.length; i++) {
      if (i > 0) {
        out[at++] = ',';
      }
      System.arraycopy(entries[i], 0, out, at, entries[i].length);
      at += entries[i].length;
    }
    out[at] = ']';
    return out;
  }

  /** No connection, hence no health and no usage: the entry every such user gets. */
  private static boolean isUnconnected(IntegrationStatus status) {
    Connection c = status.connection();
    return c.equals(Connection.disconnected(c.user(), c.type()))
        && status.health() == null
        && status.usage24h().equals(UsageCount.NONE);
  }

  private byte[] connected(IntegrationEntry entry) {
    byte[] json = connected.get(entry);
    if (json == null) {
      json = bytes(entry);
      if (connected.size() >= MAX_REMEMBERED) {
        connected.clear();
      }
      connected.put(entry, json);
    }
    return json;
  }

  private byte[] bytes(IntegrationEntry entry) {
    try {
      return mapper.writeValueAsBytes(entry);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("Cannot write an integration entry", e);
    }
  }

  private record Unconnected(Integration integration, byte[] json) {}
}
