package dev.integrations.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.integrations.core.model.AuthorizationRequest;
import dev.integrations.core.model.Completion;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.UserId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every byte of the H2 data directory, after the database is closed, is free of tokens. */
class NoPlaintextAtRestTest {
  private static final String USER = "control-user-7f3a9c";
  private static final String ACCESS = "ya29.PLAINTEXT-ACCESS-TOKEN-4b1d";
  private static final String REFRESH = "1//PLAINTEXT-REFRESH-TOKEN-9e2c";
  private static final String BOT = "123456:PLAINTEXT-BOT-TOKEN-5a7f";
  private static final String STATE = "PLAINTEXT-OAUTH-STATE-c0ffee";
  private static final String VERIFIER = "PLAINTEXT-PKCE-VERIFIER-d00d";
  private static final String HANDLE = "PLAINTEXT-COMPLETION-HANDLE-f00d";
  private static final String CODE = "PLAINTEXT-AUTHORIZATION-CODE-beef";

  @TempDir Path directory;

  @Test
  void the_database_files_contain_no_token_state_verifier_or_parked_code() throws Exception {
    try (TestDatabase database = TestDatabase.h2(directory)) {
      JdbiStores stores = database.stores();
      UserId user = UserId.of(USER);
      for (int i = 0; i < 3; i++) {
        // several versions of the row, so that old pages are in the file too
        stores
            .tokenStore()
            .put(
                user,
                IntegrationType.GMAIL,
                new Credentials(
                    Secret.of(ACCESS),
                    Secret.of(REFRESH),
                    Instant.parse("2026-11-21T10:15:30.123Z"),
                    Set.of("scope")));
      }
      stores.tokenStore().put(user, IntegrationType.TELEGRAM, Credentials.ofToken(Secret.of(BOT)));
      stores
          .stateStore()
          .save(
              new AuthorizationRequest(
                  Secret.of(STATE),
                  user,
                  IntegrationType.GMAIL,
                  Secret.of(VERIFIER),
                  URI.create("http://localhost:8000/api/integrations/callback"),
                  Instant.parse("2026-11-21T10:25:00Z")));
      stores
          .stateStore()
          .save(
              new AuthorizationRequest(
                  Secret.of(HANDLE),
                  user,
                  IntegrationType.GMAIL,
                  Secret.of(VERIFIER + "-2"),
                  URI.create("http://localhost:8000/api/integrations/callback"),
                  Instant.parse("2026-11-21T10:25:00Z"),
                  Completion.API,
                  null,
                  Secret.of(CODE)));
    }

    byte[] everything = readEveryFile(directory);

    assertThat(contains(everything, USER))
        .as("the control value (a user id) is in the files")
        .isTrue();
    for (String secret :
        List.of(ACCESS, REFRESH, BOT, STATE, VERIFIER, HANDLE, CODE, "PLAINTEXT")) {
      assertThat(contains(everything, secret)).as("%s is in the files", secret).isFalse();
    }
  }

  private static byte[] readEveryFile(Path directory) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        all.write(Files.readAllBytes(file));
      }
    }
    assertThat(all.size()).as("bytes in the data directory").isGreaterThan(0);
    return all.toByteArray();
  }

  private static boolean contains(byte[] haystack, String needle) {
    byte[] n = needle.getBytes(StandardCharsets.UTF_8);
    outer:
    for (int i = 0; i <= haystack.length - n.length; i++) {
      for (int j = 0; j < n.length; j++) {
        if (haystack[i + j] != n[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
