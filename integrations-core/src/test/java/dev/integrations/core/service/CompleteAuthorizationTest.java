package dev.integrations.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.integrations.core.error.AuthorizationFailedException;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.MissingScopesException;
import dev.integrations.core.model.AuthorizationRequest;
import dev.integrations.core.model.Connection;
import dev.integrations.core.model.ConnectionEvent;
import dev.integrations.core.model.ConnectionStatus;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.TestResult;
import dev.integrations.core.model.TokenGrant;
import dev.integrations.core.model.UserId;
import dev.integrations.core.testing.FakeOAuthProvider;
import dev.integrations.core.testing.TestRig;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CompleteAuthorizationTest {
  private static final UserId ANN = UserId.of("ann");
  private static final UserId BOB = UserId.of("bob");
  private static final IntegrationType GMAIL = IntegrationType.GMAIL;

  private final TestRig rig = new TestRig();
  private final IntegrationService service = rig.integrations.connections();

  @BeforeEach
  void providerGrantsEveryScope() {
    rig.oauth.onExchange =
        code ->
            new TokenGrant(
                Secret.of("access-" + code),
                Secret.of("refresh-" + code),
                Duration.ofHours(1),
                null);
  }

  private ConnectResult.AuthorizationPending start(UserId user) {
    return (ConnectResult.AuthorizationPending) service.connect(ConnectCommand.oauth(user, GMAIL));
  }

  @Test
  void connect_issues_a_fresh_32_byte_state_and_a_consent_url_with_its_own_pkce_challenge() {
    ConnectResult.AuthorizationPending first = start(ANN);
    ConnectResult.AuthorizationPending second = start(ANN);

    assertThat(Base64.getUrlDecoder().decode(first.state().reveal())).hasSize(32);
    assertThat(first.state()).isNotEqualTo(second.state());
    assertThat(first.expiresAt()).isEqualTo(TestRig.T0.plus(Duration.ofMinutes(10)));
    assertThat(first.authorizationUrl().toString())
        .contains("state=" + first.state().reveal())
        .contains("redirect_uri=" + TestRig.REDIRECT);
    String challenge1 = param(first.authorizationUrl(), "code_challenge");
    String challenge2 = param(second.authorizationUrl(), "code_challenge");
    assertThat(challenge1).isNotEqualTo(challenge2).hasSize(43);
  }

  @Test
  void completing_exchanges_the_code_with_the_requests_own_verifier_and_stores_the_grant() {
    ConnectResult.AuthorizationPending pending = start(ANN);

    Connection connection =
        service.completeAuthorization(asAnn(pending.state().reveal(), "c1", null));

    AuthorizationRequest exchanged = rig.oauth.exchanges.get(0);
    assertThat(exchanged.user()).isEqualTo(ANN);
    assertThat(exchanged.redirectUri()).isEqualTo(TestRig.REDIRECT);
    assertThat(exchanged.codeChallenge())
        .isEqualTo(param(pending.authorizationUrl(), "code_challenge"));
    assertThat(connection.status()).isEqualTo(ConnectionStatus.CONNECTED);
    assertThat(connection.connectedAt()).isEqualTo(TestRig.T0);
    Credentials stored = rig.tokens.find(ANN, GMAIL).orElseThrow().credentials();
    assertThat(stored.accessToken().reveal()).isEqualTo("access-c1");
    assertThat(stored.refreshToken().reveal()).isEqualTo("refresh-c1");
    assertThat(stored.scopes())
        .as("absent scope means the requested scopes")
        .isEqualTo(FakeOAuthProvider.SCOPES);
    assertThat(rig.events)
        .extracting(ConnectionEvent::kind)
        .containsExactly(ConnectionEvent.Kind.CONNECTED);
  }

  @Test
  void a_state_works_once() {
    ConnectResult.AuthorizationPending pending = start(ANN);
    service.completeAuthorization(asAnn(pending.state().reveal(), "c1", null));

    assertThatThrownBy(
            () -> service.completeAuthorization(asAnn(pending.state().reveal(), "c2", null)))
        .isInstanceOf(AuthorizationFailedException.class)
        .extracting("code")
        .isEqualTo(ErrorCode.INVALID_STATE);
    assertThat(rig.oauth.exchanges).hasSize(1);
    assertThat(rig.tokens.find(ANN, GMAIL).orElseThrow().credentials().accessToken().reveal())
        .isEqualTo("access-c1");
  }

  @Test
  void an_expired_state_is_refused_and_nothing_is_stored() {
    ConnectResult.AuthorizationPending pending = start(ANN);
    rig.clock.advance(Duration.ofMinutes(10));

    assertThatThrownBy(
            () -> service.completeAuthorization(asAnn(pending.state().reveal(), "c1", null)))
        .isInstanceOfSatisfying(
            AuthorizationFailedException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_STATE);
              assertThat(e.integrationType()).contains(GMAIL);
              assertThat(e).hasMessageContaining("expired");
            });
    assertThat(rig.oauth.exchanges).isEmpty();
    assertThat(rig.tokens.find(ANN, GMAIL)).isEmpty();
  }

  @Test
  void a_state_is_accepted_until_just_before_ten_minutes() {
    ConnectResult.AuthorizationPending pending = start(ANN);
    rig.clock.advance(Duration.ofMinutes(10).minusMillis(1));

    assertThat(service.completeAuthorization(asAnn(pending.state().reveal(), "c1", null)).status())
        .isEqualTo(ConnectionStatus.CONNECTED);
  }

  @Test
  void another_users_state_is_refused_as_a_consent_mismatch_and_nothing_is_stored() {
    ConnectResult.AuthorizationPending pending = start(ANN);

    assertThatThrownBy(
            () ->
                service.completeAuthorization(
                    new AuthorizationCallback(pending.state().reveal(), "c1", null, BOB)))
        .isInstanceOf(AuthorizationFailedException.class)
        .extracting("code")
        .isEqualTo(ErrorCode.CONSENT_MISMATCH);
    assertThat(rig.oauth.exchanges).isEmpty();
    assertThat(rig.tokens.find(ANN, GMAIL)).isEmpty();
    assertThat(rig.tokens.find(BOB, GMAIL)).isEmpty();
  }

  @Test
  void an_unknown_or_missing_state_is_refused() {
    start(ANN);

    for (String state : new String[] {"forged", "", null}) {
      assertThatThrownBy(() -> service.completeAuthorization(asAnn(state, "c1", null)))
          .isInstanceOf(AuthorizationFailedException.class)
          .extracting("code")
          .isEqualTo(ErrorCode.INVALID_STATE);
    }
    assertThat(rig.oauth.exchanges).isEmpty();
  }

  @Test
  void a_declined_consent_is_refused_and_burns_the_state() {
    ConnectResult.AuthorizationPending pending = start(ANN);

    assertThatThrownBy(
            () ->
                service.completeAuthorization(
                    asAnn(pending.state().reveal(), null, "access_denied")))
        .isInstanceOf(AuthorizationFailedException.class)
        .extracting("code")
        .isEqualTo(ErrorCode.ACCESS_DENIED);
    assertThatThrownBy(
            () -> service.completeAuthorization(asAnn(pending.state().reveal(), "c1", null)))
        .extracting("code")
        .isEqualTo(ErrorCode.INVALID_STATE);
    assertThat(rig.tokens.find(ANN, GMAIL)).isEmpty();
  }

  @Test
  void unticked_scopes_are_reported_by_name_and_the_connection_is_not_healthy() {
    rig.oauth.onExchange =
        code ->
            new TokenGrant(
                Secret.of("a"), Secret.of("r"), Duration.ofHours(1), Set.of("mail.read"));
    ConnectResult.AuthorizationPending pending = start(ANN);

    assertThatThrownBy(
            () -> service.completeAuthorization(asAnn(pending.state().reveal(), "c1", null)))
        .isInstanceOfSatisfying(
            MissingScopesException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.MISSING_SCOPES);
              assertThat(e.missingScopes()).containsExactly("mail.send");
              assertThat(e).hasMessageContaining("mail.send");
            });
    Connection connection = rig.connections.find(ANN, GMAIL).orElseThrow();
    assertThat(connection.status()).isEqualTo(ConnectionStatus.ERROR);
    assertThat(connection.lastError()).isEqualTo(ErrorCode.MISSING_SCOPES);
    assertThat(connection.needsReauthorization()).isTrue();

    rig.oauth.acceptedTokens.add("a");
    TestResult test = service.test(ANN, GMAIL);
    assertThat(test.success()).isFalse();
    assertThat(test.code()).isEqualTo(ErrorCode.MISSING_SCOPES);
    assertThat(rig.connections.find(ANN, GMAIL).orElseThrow().status())
        .isEqualTo(ConnectionStatus.ERROR);
  }

  @Test
  void a_connect_may_name_its_own_redirect_uri() {
    URI loopback = URI.create("http://127.0.0.1:53682/callback");
    ConnectResult.AuthorizationPending pending =
        (ConnectResult.AuthorizationPending)
            service.connect(new ConnectCommand(ANN, GMAIL, null, loopback));

    service.completeAuthorization(asAnn(pending.state().reveal(), "c1", null));

    assertThat(pending.authorizationUrl().toString()).contains("redirect_uri=" + loopback);
    assertThat(rig.oauth.exchanges.get(0).redirectUri()).isEqualTo(loopback);
  }

  @Test
  void expired_pending_requests_are_purged_when_new_ones_start() {
    ConnectResult.AuthorizationPending old = start(ANN);
    rig.clock.advance(Duration.ofMinutes(11));
    start(BOB);

    assertThat(rig.states.consume(old.state())).isEmpty();
  }

  /** The callback as an application that authenticated ann at its callback receives it. */
  private static AuthorizationCallback asAnn(String state, String code, String error) {
    return new AuthorizationCallback(state, code, error, ANN);
  }

  private static String param(URI uri, String name) {
    for (String pair : uri.getRawQuery().split("&")) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    throw new AssertionError("no " + name + " in " + uri);
  }

  @Test
  void at_most_five_authorizations_stay_pending_per_user_and_integration_the_oldest_go_first() {
    java.util.List<ConnectResult.AuthorizationPending> started = new java.util.ArrayList<>();
    for (int i = 0; i < 7; i++) {
      started.add(start(ANN));
      rig.clock.advance(Duration.ofSeconds(1));
    }

    assertThat(rig.states.consume(started.get(0).state())).isEmpty();
    assertThat(rig.states.consume(started.get(1).state())).isEmpty();
    for (int i = 2; i < 7; i++) {
      assertThat(rig.states.consume(started.get(i).state())).as("pending #" + i).isPresent();
    }
  }
}
