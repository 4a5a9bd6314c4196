package dev.integrations.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.integrations.core.model.UserId;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {
  private final VerifiedTokens tokens = new VerifiedTokens();

  @Test
  void a_remembered_token_names_its_user_until_its_expiry_and_not_after() {
    tokens.remember("a.b.c", token("ann"), 10_000, 1_000);

    assertThat(tokens.get("a.b.c", 9_999)).isEqualTo(token("ann"));
    assertThat(tokens.get("a.b.C", 9_999)).as("another text is another token").isNull();
    assertThat(tokens.get("a.b.c", 10_000)).isNull();
  }

  @Test
  void never_holds_more_than_its_bound() {
    for (int i = 0; i < VerifiedTokens.MAX_ENTRIES * 3; i++) {
      tokens.remember("token-" + i, token("user-" + i), 60_000, 1_000);
    }

    assertThat(tokens.size()).isLessThanOrEqualTo(VerifiedTokens.MAX_ENTRIES);
    assertThat(tokens.get("token-" + (VerifiedTokens.MAX_ENTRIES * 3 - 1), 2_000)).isNotNull();
  }

  private static AccessToken token(String user) {
    return new AccessToken(UserId.of(user), List.of(), null);
  }
}
