package dev.integrations.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.integrations.core.error.CredentialsRejectedException;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.InvalidRequestException;
import dev.integrations.core.error.NotConnectedException;
import dev.integrations.core.model.Connection;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.ProxyRequest;
import dev.integrations.core.model.ProxyResponse;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.TokenGrant;
import dev.integrations.core.model.UserId;
import dev.integrations.core.testing.FakeOAuthProvider;
import dev.integrations.core.testing.TestRig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link ActionService#proxy}: the provider's own API with the connection's fresh credentials. */
class ProxyUseCaseTest {
  private static final UserId ANN = UserId.of("ann");
  private static final IntegrationType GMAIL = IntegrationType.GMAIL;
  private static final ProxyRequest PROFILE =
      new ProxyRequest(
          "GET",
          "/gmail/v1/users/me/profile",
          Map.of(
              "Authorization",
              List.of("Bearer the-callers-own-jwt"),
              "Accept",
              List.of("application/json")),
          null,
          null);

  private final TestRig rig = new TestRig();
  private final ActionService actions = rig.integrations.actions();

  @BeforeEach
  void annHasAnUnexpiredAccessToken() {
    rig.tokens.put(
        ANN,
        GMAIL,
        new Credentials(
            Secret.of("current"),
            Secret.of("r1"),
            TestRig.T0.plus(Duration.ofHours(1)),
            FakeOAuthProvider.SCOPES));
    rig.connections.save(Connection.connected(ANN, GMAIL, TestRig.T0, null));
    rig.oauth.onRefresh = c -> new TokenGrant(Secret.of("fresh"), null, Duration.ofHours(1), null);
  }

  @Test
  void calls_the_provider_with_the_stored_credentials_and_returns_its_answer() {
    rig.oauth.acceptedTokens.add("current");

    ProxyResponse response = actions.proxy(ANN, GMAIL, PROFILE);

    assertThat(response.status()).isEqualTo(200);
    assertThat(new String(response.body(), StandardCharsets.UTF_8))
        .isEqualTo("GET /gmail/v1/users/me/profile");
    assertThat(rig.oauth.proxyCalls).containsExactly("GET /gmail/v1/users/me/profile with current");
    assertThat(rig.oauth.refreshCalls).hasValue(0);
  }

  @Test
  void a_401_refreshes_once_and_repeats_the_call_once() {
    rig.oauth.acceptedTokens.add("fresh");

    ProxyResponse response = actions.proxy(ANN, GMAIL, PROFILE);

    assertThat(response.status()).isEqualTo(200);
    assertThat(rig.oauth.refreshCalls).hasValue(1);
    assertThat(rig.oauth.proxyCalls)
        .containsExactly(
            "GET /gmail/v1/users/me/profile with current",
            "GET /gmail/v1/users/me/profile with fresh");
  }

  @Test
  void a_second_401_is_reported_and_never_loops() {
    assertThatThrownBy(() -> actions.proxy(ANN, GMAIL, PROFILE))
        .isInstanceOf(CredentialsRejectedException.class);
    assertThat(rig.oauth.refreshCalls).hasValue(1);
    assertThat(rig.oauth.proxyCalls).hasSize(2);
  }

  @Test
  void expiring_credentials_are_refreshed_before_the_call() {
    rig.tokens.put(
        ANN,
        GMAIL,
        new Credentials(
            Secret.of("current"),
            Secret.of("r1"),
            TestRig.T0.plusSeconds(30),
            FakeOAuthProvider.SCOPES));
    rig.oauth.acceptedTokens.add("fresh");

    actions.proxy(ANN, GMAIL, PROFILE);

    assertThat(rig.oauth.proxyCalls).containsExactly("GET /gmail/v1/users/me/profile with fresh");
  }

  @Test
  void an_integration_without_a_proxy_is_refused_by_name() {
    assertThatThrownBy(() -> actions.proxy(ANN, IntegrationType.TELEGRAM, PROFILE))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("Telegram has no proxy.")
        .extracting("code")
        .isEqualTo(ErrorCode.UNSUPPORTED_OPERATION);
  }

  @Test
  void without_a_connection_it_says_not_connected_and_calls_nothing() {
    assertThatThrownBy(() -> actions.proxy(UserId.of("bob"), GMAIL, PROFILE))
        .isInstanceOf(NotConnectedException.class);
    assertThat(rig.oauth.proxyCalls).isEmpty();
  }
}
