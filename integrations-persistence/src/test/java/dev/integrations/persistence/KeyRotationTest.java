package dev.integrations.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.integrations.core.model.AuthorizationRequest;
import dev.integrations.core.model.Completion;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.UserId;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rotation against writers that get between its read and its write, on H2 and PostgreSQL: a row
 * another writer changed is read again and never overwritten, a row that went is skipped; and every
 * column holding a sealed value is one that rotation knows.
 */
class KeyRotationTest {
  private static final UserId ANN = UserId.of("ann");
  private static final UserId BOB = UserId.of("bob");
  private static final UserId CARL = UserId.of("carl");

  @TempDir Path dir;
  private final byte[] oldKey = TestKeys.key();
  private final byte[] newKey = TestKeys.key();

  private TestDatabase database(String kind) {
    return kind.equals("h2") ? TestDatabase.h2(dir) : TestDatabase.postgres();
  }

  private JdbiStores open(TestDatabase db, byte[] current, List<byte[]> old) {
    return JdbiStores.open(
        db.url(),
        db.user(),
        db.password(),
        new AesGcmTokenCipher(EncryptionKeys.of(current, old)),
        2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void a_row_changed_between_read_and_write_is_read_again_and_a_deleted_one_is_skipped(String kind)
      throws Exception {
    try (TestDatabase db = database(kind)) {
      try (JdbiStores before = open(db, oldKey, List.of())) {
        for (UserId user : List.of(ANN, BOB, CARL)) {
          before
              .tokenStore()
              .put(
                  user,
                  IntegrationType.TELEGRAM,
                  Credentials.ofToken(Secret.of("token-of-" + user.value())));
        }
      }
      try (JdbiStores stores = open(db, newKey, List.of(oldKey))) {
        AtomicBoolean raced = new AtomicBoolean();
        KeyRotation rotation =
            stores.keyRotation(
                row -> {
                  if (raced.compareAndSet(false, true)) {
                    stores
                        .tokenStore()
                        .put(
                            ANN,
                            IntegrationType.TELEGRAM,
                            Credentials.ofToken(Secret.of("newer-token")));
                    stores.tokenStore().delete(BOB, IntegrationType.TELEGRAM);
                  }
                });

        KeyRotation.Report report = rotation.rotate(10, r -> {});

        assertThat(report.resealed())
            .isEqualTo(1); // carl; ann was already re-sealed by the newer write
        assertThat(report.changedMeanwhile()).isEqualTo(2);
        assertThat(report.gone()).isEqualTo(1);
        assertThat(report.failed()).isEmpty();
      }
      try (JdbiStores after = open(db, newKey, List.of())) {
        assertThat(
                after
                    .tokenStore()
                    .find(ANN, IntegrationType.TELEGRAM)
                    .orElseThrow()
                    .credentials()
                    .accessToken()
                    .reveal())
            .isEqualTo("newer-token");
        assertThat(after.tokenStore().find(BOB, IntegrationType.TELEGRAM)).isEmpty();
        assertThat(
                after
                    .tokenStore()
                    .find(CARL, IntegrationType.TELEGRAM)
                    .orElseThrow()
                    .credentials()
                    .accessToken()
                    .reveal())
            .isEqualTo("token-of-carl");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void values_that_do_not_open_are_reported_and_left_alone(String kind) throws Exception {
    try (TestDatabase db = database(kind)) {
      try (JdbiStores before = open(db, oldKey, List.of())) {
        before
            .tokenStore()
            .put(ANN, IntegrationType.TELEGRAM, Credentials.ofToken(Secret.of("token")));
      }
      try (JdbiStores withoutTheOldKey = open(db, newKey, List.of())) {
        KeyRotation rotation = withoutTheOldKey.keyRotation();
        assertThat(rotation.usage())
            .extracting(KeyRotation.Usage::state)
            .containsExactly(KeyRotation.KeyState.MISSING);

        KeyRotation.Report report = rotation.rotate(10, r -> {});

        assertThat(report.resealed()).isZero();
        assertThat(report.failed())
            .singleElement()
            .asString()
            .startsWith("credentials ann/telegram: A stored secret was encrypted with key ");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void every_column_holding_a_sealed_value_is_known_to_rotation(String kind) throws Exception {
    try (TestDatabase db = database(kind)) {
      try (JdbiStores stores = open(db, oldKey, List.of())) {
        stores
            .tokenStore()
            .put(
                ANN,
                IntegrationType.GMAIL,
                new Credentials(
                    Secret.of("access"),
                    Secret.of("refresh"),
                    Instant.now().plusSeconds(60),
                    Set.of("a")));
        stores
            .stateStore()
            .save(
                new AuthorizationRequest(
                    Secret.of("state-1"),
                    ANN,
                    IntegrationType.GMAIL,
                    Secret.of("verifier-0123456789012345678901234567890123456"),
                    URI.create("http://localhost/cb"),
                    Instant.now().plusSeconds(600),
                    Completion.API,
                    null,
                    Secret.of("parked-code")));
      }
      Set<String> sealed = new HashSet<>();
      try (Connection connection = db.connect();
          Statement sql = connection.createStatement()) {
        for (String table : dev.integrations.persistence.internal.Tables.names(connection)) {
          try (ResultSet rs = sql.executeQuery("SELECT * FROM " + table)) {
            while (rs.next()) {
              for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                String value = rs.getString(c);
                if (value != null && value.matches("v1:[0-9a-f]{8}:.+")) {
                  sealed.add(
                      table + "." + rs.getMetaData().getColumnName(c).toLowerCase(Locale.ROOT));
                }
              }
            }
          }
        }
      }
      List<String> known =
          new ArrayList<>(SealedColumns.ALL.stream().map(SealedColumns.Column::name).toList());
      assertThat(sealed).containsExactlyInAnyOrderElementsOf(known);
    }
  }
}
