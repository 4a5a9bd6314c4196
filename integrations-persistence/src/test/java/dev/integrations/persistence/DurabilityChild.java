package dev.integrations.persistence;

import dev.integrations.core.model.Account;
import dev.integrations.core.model.Connection;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.UserId;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * The process that {@link DurabilityTest} kills: writes credentials and a connection for user-0,
 * user-1, ... through {@link JdbiStores}, and prints {@code ACK i} after both writes for user-i
 * returned. It never stops by itself (it keeps writing, then sleeps), so only the kill ends it.
 *
 * <p>Arguments: the JDBC URL, the base64 encryption key.
 */
public final class DurabilityChild {
  static final Instant CONNECTED_AT = Instant.parse("2026-11-21T10:00:00.123Z");
  static final int MAX_WRITES = 100_000;

  private DurabilityChild() {}

  public static void main(String[] args) throws InterruptedException {
    byte[] key = Base64.getDecoder().decode(args[1]);
    AesGcmTokenCipher cipher = new AesGcmTokenCipher(EncryptionKeys.of(key, List.of()));
    JdbiStores stores = JdbiStores.open(args[0], "", "", cipher);
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    for (int i = 0; i < MAX_WRITES; i++) {
      UserId user = userOf(i);
      stores.tokenStore().put(user, IntegrationType.GMAIL, credentialsOf(i));
      stores
          .connectionStore()
          .save(Connection.connected(user, IntegrationType.GMAIL, CONNECTED_AT, accountOf(i)));
      out.println("ACK " + i);
      out.flush();
    }
    Thread.sleep(Long.MAX_VALUE);
  }

  static UserId userOf(int i) {
    return UserId.of("user-" + i);
  }

  static Credentials credentialsOf(int i) {
    return new Credentials(
        Secret.of("access-" + i), Secret.of("refresh-" + i), CONNECTED_AT, Set.of("scope"));
  }

  static Account accountOf(int i) {
    return new Account("id-" + i, "user" + i + "@example.com");
  }
}
