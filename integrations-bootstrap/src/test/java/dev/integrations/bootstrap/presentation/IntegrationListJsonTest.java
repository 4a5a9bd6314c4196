package dev.integrations.bootstrap.presentation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.model.Account;
import dev.integrations.core.model.AuthMethod;
import dev.integrations.core.model.Capability;
import dev.integrations.core.model.Connection;
import dev.integrations.core.model.ConnectionHealth;
import dev.integrations.core.model.ConnectionStatus;
import dev.integrations.core.model.Integration;
import dev.integrations.core.model.IntegrationStatus;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.UsageCount;
import dev.integrations.core.model.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The list written from bytes prepared once must be exactly what the mapper writes for the same
 * entries: for entries never connected, connected, failed, with health and usage, and for an
 * integration the writer was not built with.
 */
class IntegrationListJsonTest {
  private static final UserId USER = UserId.of("ada");
  private static final Instant T = Instant.parse("2026-12-01T10:15:30.123456Z");

  private final JsonMapping json = new JsonMapping();

  private static Integration integration(String type, Capability... capabilities) {
    return new Integration(
        IntegrationType.of(type),
        type + " \"quoted\" \u00e9",
        "Does <things> & more",
        "icon-" + type,
        AuthMethod.OAUTH2,
        Set.of("scope.b", "scope.a"),
        type,
        Set.of(capabilities),
        true);
  }

  private final Integration mail = integration("mailer", Capability.MAIL, Capability.FILES);
  private final Integration chat = integration("chat", Capability.MESSAGES);
  private final Integration store = integration("store");
  private final List<Integration> catalog = List.of(mail, chat, store);

  @Test
  void aListOfUnconnectedEntriesIsWhatTheMapperWrites() throws Exception {
    List<IntegrationStatus> statuses =
        catalog.stream()
            .map(i -> new IntegrationStatus(i, Connection.disconnected(USER, i.type())))
            .toList();

    assertSameAsMapper(statuses);
  }

  @Test
  void connectedFailedAndUsedEntriesAreWrittenPerRequestExactlyAsTheMapperDoes() throws Exception {
    Connection connected =
        new Connection(
            USER,
            mail.type(),
            ConnectionStatus.CONNECTED,
            T,
            T.plusSeconds(60),
            null,
            null,
            new Account("id-1", "Ada <ada@example.com>"));
    Connection failed =
        new Connection(
            USER,
            chat.type(),
            ConnectionStatus.ERROR,
            T,
            null,
            ErrorCode.REAUTHORIZATION_REQUIRED,
            "The grant was revoked",
            null);
    ConnectionHealth refused =
        ConnectionHealth.healthy(USER, chat.type(), T, T)
            .refused(ErrorCode.REAUTHORIZATION_REQUIRED, "revoked", T.plusSeconds(5));
    List<IntegrationStatus> statuses =
        List.of(
            new IntegrationStatus(
                mail,
                connected,
                ConnectionHealth.healthy(USER, mail.type(), T, T),
                new UsageCount(7, 2)),
            new IntegrationStatus(chat, failed, refused, UsageCount.NONE),
            new IntegrationStatus(store, Connection.disconnected(USER, store.type())));

    assertSameAsMapper(statuses);
  }

  @Test
  void anUnconnectedEntryWithUsageOrAnIntegrationItWasNotBuiltWithIsStillExact() throws Exception {
    Integration changed = integration("mailer", Capability.MAIL); // same type, other entry
    Integration unknown = integration("newcomer", Capability.FILES);
    List<IntegrationStatus> statuses =
        List.of(
            new IntegrationStatus(
                changed, Connection.disconnected(USER, changed.type()), null, UsageCount.NONE),
            new IntegrationStatus(
                chat, Connection.disconnected(USER, chat.type()), null, new UsageCount(3, 0)),
            new IntegrationStatus(unknown, Connection.disconnected(USER, unknown.type())));

    assertSameAsMapper(statuses);
  }

  @Test
  void aConnectionThatChangedIsWrittenAsItIsNowNotAsItWasRemembered() throws Exception {
    IntegrationListJson writer = new IntegrationListJson(json, catalog);
    Connection connected =
        Connection.connected(USER, mail.type(), T, new Account("id-1", "ada@example.com"));
    List<IntegrationStatus> before =
        List.of(
            new IntegrationStatus(
                mail,
                connected,
                ConnectionHealth.healthy(USER, mail.type(), T, T),
                UsageCount.NONE));
    List<IntegrationStatus> after =
        List.of(
            new IntegrationStatus(
                mail,
                connected.synced(T.plusSeconds(5)),
                ConnectionHealth.healthy(USER, mail.type(), T, T).succeeded(T.plusSeconds(5)),
                new UsageCount(1, 0)));
    List<IntegrationStatus> otherUser =
        List.of(
            new IntegrationStatus(
                mail,
                Connection.connected(
                    UserId.of("bob"), mail.type(), T, new Account("id-2", "bob@example.com")),
                ConnectionHealth.healthy(UserId.of("bob"), mail.type(), T, T),
                UsageCount.NONE));

    for (List<IntegrationStatus> statuses : List.of(before, after, before, otherUser, after)) {
      byte[] expected =
          json.mapper().writeValueAsBytes(statuses.stream().map(IntegrationEntry::of).toList());
      assertThat(new String(writer.write(statuses), StandardCharsets.UTF_8))
          .isEqualTo(new String(expected, StandardCharsets.UTF_8));
    }
  }

  @Test
  void anEmptyListIsAnEmptyArray() {
    assertThat(new IntegrationListJson(json, catalog).write(List.of()))
        .asString(StandardCharsets.UTF_8)
        .isEqualTo("[]");
  }

  private void assertSameAsMapper(List<IntegrationStatus> statuses) throws Exception {
    byte[] expected =
        json.mapper().writeValueAsBytes(statuses.stream().map(IntegrationEntry::of).toList());
    byte[] written = new IntegrationListJson(json, catalog).write(statuses);
    assertThat(new String(written, StandardCharsets.UTF_8))
        .isEqualTo(new String(expected, StandardCharsets.UTF_8));
    assertThat(written).isEqualTo(expected);
  }
}
