package dev.integrations.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.integrations.core.error.AuthorizationFailedException;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.model.AuthorizationRequest;
import dev.integrations.core.model.Completion;
import dev.integrations.core.model.ConnectionStatus;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.TokenGrant;
import dev.integrations.core.model.UserId;
import dev.integrations.core.testing.TestRig;
import java.time.Duration;
import java.util.Base64;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A consent completes only for the person who started it (RFC 9700 section 4.7): the browser
 * binding, the API completion with the user's own identity, and the application's own completion.
 */
class ConsentBindingTest {
  private static final UserId MALLORY = UserId.of("mallory");
  private static final UserId VICTOR = UserId.of("victor");
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

  private ConnectResult.AuthorizationPending start(UserId user, Completion completion) {
    return (ConnectResult.AuthorizationPending)
        service.connect(ConnectCommand.oauth(user, GMAIL, completion));
  }

  private AuthorizationOutcome fromBrowser(
      ConnectResult.AuthorizationPending pending, String code, Secret binding) {
    return service.receiveAuthorization(
        AuthorizationCallback.fromBrowser(pending.state().reveal(), code, null, binding));
  }

  private static void assertRefused(ThrowingCallable call, ErrorCode code) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            AuthorizationFailedException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  @Test
  void browser_completion_hands_out_a_random_binding_and_stores_only_its_hash() {
    ConnectResult.AuthorizationPending pending = start(MALLORY, Completion.BROWSER);

    assertThat(pending.completion()).isEqualTo(Completion.BROWSER);
    assertThat(Base64.getUrlDecoder().decode(pending.browserBinding().reveal())).hasSize(32);
    AuthorizationRequest stored = rig.states.consume(pending.state()).orElseThrow();
    assertThat(stored.bindingHash())
        .isEqualTo(AuthorizationRequest.bindingHashOf(pending.browserBinding()))
        .isNotEqualTo(pending.browserBinding().reveal());
  }

  @Test
  void the_browser_that_started_the_consent_completes_it() {
    ConnectResult.AuthorizationPending pending = start(MALLORY, Completion.BROWSER);

    AuthorizationOutcome outcome = fromBrowser(pending, "c1", pending.browserBinding());

    assertThat(outcome)
        .isInstanceOfSatisfying(
            AuthorizationOutcome.Completed.class,
            done -> assertThat(done.connection().status()).isEqualTo(ConnectionStatus.CONNECTED));
    assertThat(rig.tokens.find(MALLORY, GMAIL).orElseThrow().credentials().accessToken().reveal())
        .isEqualTo("access-c1");
  }

  @Test
  void a_consent_back_in_a_browser_without_the_binding_exchanges_nothing_and_burns_the_state() {
    ConnectResult.AuthorizationPending pending = start(MALLORY, Completion.BROWSER);

    assertRefused(() -> fromBrowser(pending, "victors-code", null), ErrorCode.CONSENT_MISMATCH);
    assertRefused(
        () -> fromBrowser(pending, "victors-code", pending.browserBinding()),
        ErrorCode.INVALID_STATE);

    assertThat(rig.oauth.exchanges).isEmpty();
    assertThat(rig.tokens.find(MALLORY, GMAIL)).isEmpty();
    assertThat(rig.connections.find(MALLORY, GMAIL)).isEmpty();
  }

  @Test
  void another_flows_binding_does_not_complete_this_one() {
    ConnectResult.AuthorizationPending mine = start(MALLORY, Completion.BROWSER);
    ConnectResult.AuthorizationPending other = start(VICTOR, Completion.BROWSER);

    assertRefused(
        () -> fromBrowser(mine, "c1", other.browserBinding()), ErrorCode.CONSENT_MISMATCH);
    assertThat(rig.oauth.exchanges).isEmpty();
  }

  @Test
  void the_right_binding_is_refused_once_the_request_expired() {
    ConnectResult.AuthorizationPending pending = start(MALLORY, Completion.BROWSER);
    rig.clock.advance(Duration.ofMinutes(10));

    assertRefused(
        () -> fromBrowser(pending, "c1", pending.browserBinding()), ErrorCode.INVALID_STATE);
    assertThat(rig.oauth.exchanges).isEmpty();
  }

  @Test
  void a_consent_the_application_must_complete_is_refused_at_a_public_callback() {
    ConnectResult.AuthorizationPending pending = start(MALLORY, Completion.CALLER);

    assertRefused(() -> fromBrowser(pending, "c1", null), ErrorCode.CONSENT_MISMATCH);
    assertThat(pending.browserBinding()).isNull();
    assertThat(rig.oauth.exchanges).isEmpty();
  }

  @Test
  void completing_without_any_proof_of_the_person_is_a_programming_error_that_leaves_the_state() {
    ConnectResult.AuthorizationPending pending = start(MALLORY, Completion.CALLER);

    assertThatThrownBy(
            () ->
                service.completeAuthorization(
                    AuthorizationCallback.fromBrowser(pending.state().reveal(), "c1", null, null)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(
            service
                .completeAuthorization(
                    new AuthorizationCallback(pending.state().reveal(), "c1", null, MALLORY))
                .status())
        .isEqualTo(ConnectionStatus.CONNECTED);
  }

  @Test
  void
      api_completion_parks_the_code_unexchanged_under_a_new_handle_and_the_starting_user_completes_it() {
    ConnectResult.AuthorizationPending pending = start(MALLORY, Completion.API);

    AuthorizationOutcome outcome = fromBrowser(pending, "c1", null);

    AuthorizationOutcome.AwaitingUser awaiting = (AuthorizationOutcome.AwaitingUser) outcome;
    assertThat(awaiting.type()).isEqualTo(GMAIL);
    assertThat(awaiting.handle()).isNotEqualTo(pending.state());
    assertThat(awaiting.expiresAt()).isEqualTo(pending.expiresAt());
    assertThat(rig.oauth.exchanges).isEmpty();
    assertThat(rig.tokens.find(MALLORY, GMAIL)).isEmpty();

    assertThat(service.confirmAuthorization(MALLORY, awaiting.handle().reveal()).status())
        .isEqualTo(ConnectionStatus.CONNECTED);
    assertThat(rig.oauth.exchanges)
        .singleElement()
        .satisfies(
            request ->
                assertThat(request.codeChallenge())
                    .as("exchanged with the verifier of the original request")
                    .isEqualTo(param(pending, "code_challenge")));
    assertThat(rig.tokens.find(MALLORY, GMAIL).orElseThrow().credentials().accessToken().reveal())
        .isEqualTo("access-c1");
  }

  @Test
  void another_user_cannot_complete_a_parked_consent_and_burns_it() {
    ConnectResult.AuthorizationPending pending = start(MALLORY, Completion.API);
    String handle =
        ((AuthorizationOutcome.AwaitingUser) fromBrowser(pending, "victors-code", null))
            .handle()
            .reveal();

    assertRefused(() -> service.confirmAuthorization(VICTOR, handle), ErrorCode.CONSENT_MISMATCH);
    assertRefused(() -> service.confirmAuthorization(MALLORY, handle), ErrorCode.INVALID_STATE);

    assertThat(rig.oauth.exchanges).isEmpty();
    assertThat(rig.tokens.find(MALLORY, GMAIL)).isEmpty();
    assertThat(rig.tokens.find(VICTOR, GMAIL)).isEmpty();
  }

  @Test
  void the_state_the_starting_user_was_given_is_not_a_completion_handle() {
    ConnectResult.AuthorizationPending pending = start(MALLORY, Completion.API);
    String handle =
        ((AuthorizationOutcome.AwaitingUser) fromBrowser(pending, "c1", null)).handle().reveal();

    assertRefused(
        () -> service.confirmAuthorization(MALLORY, pending.state().reveal()),
        ErrorCode.INVALID_STATE);
    assertRefused(
        () ->
            service.receiveAuthorization(
                AuthorizationCallback.fromBrowser(handle, "c2", null, null)),
        ErrorCode.INVALID_STATE);
    assertThat(rig.oauth.exchanges).isEmpty();
  }

  @Test
  void a_parked_consent_expires_with_its_request() {
    ConnectResult.AuthorizationPending pending = start(MALLORY, Completion.API);
    String handle =
        ((AuthorizationOutcome.AwaitingUser) fromBrowser(pending, "c1", null)).handle().reveal();
    rig.clock.advance(Duration.ofMinutes(10));

    assertRefused(() -> service.confirmAuthorization(MALLORY, handle), ErrorCode.INVALID_STATE);
    assertThat(rig.oauth.exchanges).isEmpty();
  }

  @Test
  void a_declined_api_consent_is_reported_at_once_and_parks_nothing() {
    ConnectResult.AuthorizationPending pending = start(MALLORY, Completion.API);

    assertRefused(
        () ->
            service.receiveAuthorization(
                AuthorizationCallback.fromBrowser(
                    pending.state().reveal(), null, "access_denied", null)),
        ErrorCode.ACCESS_DENIED);
    assertThat(rig.states.deleteExpired(pending.expiresAt())).isZero();
  }

  private static String param(ConnectResult.AuthorizationPending pending, String name) {
    for (String pair : pending.authorizationUrl().getRawQuery().split("&")) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    throw new AssertionError("no " + name);
  }
}
