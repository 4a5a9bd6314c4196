package dev.integrations.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.integrations.core.model.Connection;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.UserId;
import dev.integrations.persistence.AesGcmTokenCipher;
import dev.integrations.persistence.EncryptionKeys;
import dev.integrations.persistence.JdbiStores;
import dev.integrations.testing.PostgresSchema;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Key rotation on one PostgreSQL schema shared by two running servers (two composition roots), with
 * a refresh in flight on one of them while an operator's third one rotates: no token is lost, the
 * provider sees one refresh (its refresh tokens rotate and reuse revokes the grant), and afterwards
 * every secret opens without the old key.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class KeyRotationWithServersTest {
  private static final UserId ANN = UserId.of("ann");
  private static final int BOTS = 23;
  private static final Set<String> GMAIL_SCOPES =
      Set.of(
          "https://www.googleapis.com/auth/gmail.send",
          "https://www.googleapis.com/auth/gmail.readonly");

  @TempDir Path dir;
  private PostgresSchema schema;
  private final MockWebServer google = new MockWebServer();
  private final RotatingTokenEndpoint tokenEndpoint = new RotatingTokenEndpoint("refresh-1", 1);
  private final CountDownLatch refreshArrived = new CountDownLatch(1);
  private final String oldKey = randomKey();
  private final String newKey = randomKey();
  private final List<AutoCloseable> open = new ArrayList<>();

  @BeforeEach
  void seedUnderTheOldKey() throws IOException {
    schema = PostgresSchema.create();
    google.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            refreshArrived.countDown();
            return tokenEndpoint.dispatch(request);
          }
        });
    google.start(InetAddress.getLoopbackAddress(), 0);
    try (JdbiStores stores =
        JdbiStores.open(
            schema.url(),
            PostgresSchema.PG_USER,
            PostgresSchema.PG_PASSWORD,
            new AesGcmTokenCipher(EncryptionKeys.load(oldKey, null, dir)),
            2)) {
      stores
          .tokenStore()
          .put(
              ANN,
              IntegrationType.GMAIL,
              new Credentials(
                  Secret.of("expired"),
                  Secret.of("refresh-1"),
                  Instant.now().minusSeconds(5),
                  GMAIL_SCOPES));
      stores
          .connectionStore()
          .save(Connection.connected(ANN, IntegrationType.GMAIL, Instant.now(), null));
      for (int i = 0; i < BOTS; i++) {
        stores
            .tokenStore()
            .put(
                bot(i), IntegrationType.TELEGRAM, Credentials.ofToken(Secret.of("bot-token-" + i)));
      }
    }
  }

  @AfterEach
  void stopEverything() throws Exception {
    tokenEndpoint.callersArrived.countDown();
    for (AutoCloseable c : open) {
      c.close();
    }
    google.close();
    if (schema != null) {
      schema.close();
    }
  }

  @Test
  void rotating_while_two_servers_run_and_one_refreshes_loses_no_token_and_the_old_key_can_go()
      throws Exception {
    Wiring serverA = start(true);
    Wiring serverB = start(true);
    Wiring operator = start(true);
    CompletableFuture<String> refresh =
        CompletableFuture.supplyAsync(
            () ->
                serverA
                    .integrations()
                    .connections()
                    .credentialsFor(ANN, IntegrationType.GMAIL)
                    .accessToken()
                    .reveal());
    assertThat(refreshArrived.await(30, TimeUnit.SECONDS))
        .as("the refresh reached Google")
        .isTrue();

    Operations.Rotation rotation = operator.operations().rotateKeys(5, progress -> {});
    tokenEndpoint.callersArrived.countDown();

    assertThat(rotation.resealed()).isEqualTo(1 + BOTS);
    assertThat(rotation.failed()).isEmpty();
    assertThat(refresh.get(30, TimeUnit.SECONDS)).isEqualTo("fresh-1");
    Credentials seenByB =
        serverB.integrations().connections().credentialsFor(ANN, IntegrationType.GMAIL);
    assertThat(seenByB.accessToken().reveal()).isEqualTo("fresh-1");
    assertThat(seenByB.refreshToken().reveal()).isEqualTo("refresh-2");
    assertThat(tokenEndpoint.refreshes).hasValue(1);
    assertThat(tokenEndpoint.grantRevoked()).isFalse();
    assertThat(operator.operations().keyUsage())
        .isNotEmpty()
        .allSatisfy(u -> assertThat(u.keyId()).isEqualTo(operator.operations().currentKeyId()));

    for (AutoCloseable c : open) {
      c.close();
    }
    open.clear();
    Wiring withoutOldKey = start(false);
    assertThat(
            withoutOldKey
                .integrations()
                .connections()
                .credentialsFor(ANN, IntegrationType.GMAIL)
                .refreshToken()
                .reveal())
        .isEqualTo("refresh-2");
    for (int i = 0; i < BOTS; i++) {
      assertThat(
              withoutOldKey
                  .integrations()
                  .connections()
                  .credentialsFor(bot(i), IntegrationType.TELEGRAM)
                  .accessToken()
                  .reveal())
          .isEqualTo("bot-token-" + i);
    }
  }

  @Test
  void a_second_rotation_finds_nothing_to_do_and_status_counts_values_per_key() {
    Wiring operator = start(true);
    assertThat(operator.operations().keyUsage())
        .extracting(
            Operations.KeyUsage::column, Operations.KeyUsage::state, Operations.KeyUsage::values)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("access_token", "old", (long) BOTS + 1),
            org.assertj.core.groups.Tuple.tuple("refresh_token", "old", 1L));

    assertThat(operator.operations().rotateKeys(100, p -> {}).resealed()).isEqualTo(BOTS + 1);
    assertThat(operator.operations().rotateKeys(100, p -> {}).resealed()).isZero();
    assertThat(operator.operations().keyUsage())
        .extracting(Operations.KeyUsage::state)
        .containsOnly("current");
  }

  private Wiring start(boolean withOldKey) {
    Map<String, String> env = new HashMap<>();
    env.put("INTEGRATIONS_DATA_DIR", dir.toString());
    env.put("INTEGRATIONS_DB_URL", schema.url());
    env.put("INTEGRATIONS_DB_USER", PostgresSchema.PG_USER);
    env.put("INTEGRATIONS_DB_PASSWORD", PostgresSchema.PG_PASSWORD);
    env.put("INTEGRATIONS_ENCRYPTION_KEY", newKey);
    if (withOldKey) {
      env.put("INTEGRATIONS_ENCRYPTION_OLD_KEYS", oldKey);
    }
    env.put("INTEGRATIONS_JWT_SECRET", "a-test-secret-that-is-at-least-32-bytes-long");
    env.put("GOOGLE_CLIENT_ID", "rotation.apps.googleusercontent.com");
    env.put("GOOGLE_CLIENT_SECRET", "rotation-secret");
    env.put("GOOGLE_TOKEN_URI", google.url("/token").toString());
    env.put("GOOGLE_REVOKE_URI", google.url("/revoke").toString());
    env.put("GOOGLE_API_ROOT_URL", google.url("/").toString());
    Wiring wiring = Wiring.start(Settings.from(ConfigSource.of(env)));
    open.add(wiring);
    return wiring;
  }

  private static UserId bot(int i) {
    return UserId.of("bot-owner-" + i);
  }

  private static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
