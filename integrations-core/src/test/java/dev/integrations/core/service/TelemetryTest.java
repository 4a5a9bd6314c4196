package dev.integrations.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.integrations.core.error.InvalidGrantException;
import dev.integrations.core.error.ReauthorizationRequiredException;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.MailMessage;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.TokenGrant;
import dev.integrations.core.model.UserId;
import dev.integrations.core.testing.FakeOAuthProvider;
import dev.integrations.core.testing.TestRig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What the library tells its Telemetry: actions by type, name and outcome, and refreshes by
 * outcome.
 */
class TelemetryTest {
  private static final UserId ANN = UserId.of("ann");
  private static final IntegrationType GMAIL = IntegrationType.GMAIL;

  private final TestRig rig = new TestRig();

  private void storeExpiringIn(Duration lifetime) {
    rig.tokens.put(
        ANN,
        GMAIL,
        new Credentials(
            Secret.of("a1"),
            Secret.of("r1"),
            rig.clock.instant().plus(lifetime),
            FakeOAuthProvider.SCOPES));
  }

  @Test
  void an_action_that_refreshed_first_counts_the_refresh_and_the_action() {
    storeExpiringIn(Duration.ofSeconds(10));
    rig.oauth.onRefresh = c -> new TokenGrant(Secret.of("a2"), null, Duration.ofHours(1), null);
    rig.oauth.acceptedTokens.add("a2");

    rig.integrations
        .actions()
        .sendMail(ANN, GMAIL, MailMessage.text(java.util.List.of("bob@example.com"), "s", "b"));

    assertThat(rig.telemetry).containsExactly("refresh gmail OK", "call gmail send_mail ok");
  }

  @Test
  void a_refused_refresh_counts_as_failed_and_the_action_by_its_error_code() {
    storeExpiringIn(Duration.ofSeconds(-1));
    rig.oauth.onRefresh =
        c -> {
          throw new InvalidGrantException("Token has been expired or revoked.");
        };

    assertThatThrownBy(
            () ->
                rig.integrations
                    .actions()
                    .sendMail(
                        ANN,
                        GMAIL,
                        MailMessage.text(java.util.List.of("bob@example.com"), "s", "b")))
        .isInstanceOf(ReauthorizationRequiredException.class);

    assertThat(rig.telemetry)
        .containsExactly("refresh gmail FAILED", "call gmail send_mail reauthorization_required");
  }
}
