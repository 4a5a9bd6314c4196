package dev.integrations.core.testing;

import dev.integrations.core.error.CredentialsRejectedException;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.model.Account;
import dev.integrations.core.model.AuthMethod;
import dev.integrations.core.model.AuthorizationRequest;
import dev.integrations.core.model.Capability;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.Integration;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.MailMessage;
import dev.integrations.core.model.MailQuery;
import dev.integrations.core.model.MailSummary;
import dev.integrations.core.model.ProxyRequest;
import dev.integrations.core.model.ProxyResponse;
import dev.integrations.core.model.RevocationResult;
import dev.integrations.core.model.SentMail;
import dev.integrations.core.model.TestResult;
import dev.integrations.core.model.TokenGrant;
import dev.integrations.core.port.MailPort;
import dev.integrations.core.port.OAuthProviderPort;
import dev.integrations.core.port.ProxyPort;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An OAuth provider whose answers the test scripts. Records every call. Accepts an access token
 * only if it is in {@link #acceptedTokens}.
 */
public final class FakeOAuthProvider implements OAuthProviderPort, MailPort, ProxyPort {
  public static final Set<String> SCOPES = Set.of("mail.send", "mail.read");

  public final AtomicInteger refreshCalls = new AtomicInteger();
  public final AtomicInteger revokeCalls = new AtomicInteger();
  public final AtomicInteger sendCalls = new AtomicInteger();

  /** The proxied requests, in order, with the access token each one carried. */
  public final List<String> proxyCalls = new CopyOnWriteArrayList<>();

  public final List<AuthorizationRequest> exchanges = new CopyOnWriteArrayList<>();
  public final List<String> acceptedTokens = new CopyOnWriteArrayList<>();
  public volatile Function<Credentials, TokenGrant> onRefresh;
  public volatile Function<String, TokenGrant> onExchange;
  public volatile RuntimeException revokeFailure;

  public volatile Account account;

  /** Runs inside {@link #test} before it answers (to hold a test in flight). */
  public volatile Runnable onTest;

  /** When set, {@link #test} answers failed with this code (a provider "no" other than a 401). */
  public volatile ErrorCode failTest;

  private final Integration integration;

  /** A provider for a Gmail-like integration whose grants are its own. */
  public FakeOAuthProvider() {
    this(
        new Integration(IntegrationType.GMAIL, "Gmail", "Mail", "mail", AuthMethod.OAUTH2, SCOPES)
            .withCapabilities(Set.of(Capability.MAIL)));
  }

  /** A provider for {@code integration} (which may share its credentials group with others). */
  public FakeOAuthProvider(Integration integration) {
    this.integration = integration;
  }

  @Override
  public Integration integration() {
    return integration;
  }

  @Override
  public URI authorizationUrl(AuthorizationRequest request) {
    return URI.create(
        "https://auth.example/authorize?state="
            + request.state().reveal()
            + "&code_challenge="
            + request.codeChallenge()
            + "&redirect_uri="
            + request.redirectUri());
  }

  @Override
  public TokenGrant exchange(AuthorizationRequest request, String code) {
    exchanges.add(request);
    return onExchange.apply(code);
  }

  @Override
  public TokenGrant refresh(Credentials credentials) {
    refreshCalls.incrementAndGet();
    return onRefresh.apply(credentials);
  }

  @Override
  public RevocationResult revoke(Credentials credentials) {
    revokeCalls.incrementAndGet();
    if (revokeFailure != null) {
      throw revokeFailure;
    }
    return RevocationResult.succeeded();
  }

  @Override
  public TestResult test(Credentials credentials) {
    Runnable hook = onTest;
    if (hook != null) {
      hook.run();
    }
    if (failTest != null) {
      return TestResult.failed(failTest, "The provider said no.");
    }
    requireAccepted(credentials);
    return TestResult.passed("Connected as ann@example.com", account);
  }

  @Override
  public SentMail send(Credentials credentials, MailMessage message) {
    sendCalls.incrementAndGet();
    requireAccepted(credentials);
    return new SentMail("m-" + sendCalls.get(), "t-1");
  }

  @Override
  public List<MailSummary> search(Credentials credentials, MailQuery query) {
    requireAccepted(credentials);
    return List.of();
  }

  /** Answers 200 with {@code <method> <path>} as the body, when the token is accepted. */
  @Override
  public ProxyResponse call(Credentials credentials, ProxyRequest request) {
    proxyCalls.add(
        request.method() + " " + request.path() + " with " + credentials.accessToken().reveal());
    requireAccepted(credentials);
    return new ProxyResponse(
        200,
        java.util.Map.of("Content-Type", List.of("text/plain")),
        (request.method() + " " + request.path())
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private void requireAccepted(Credentials credentials) {
    if (!acceptedTokens.contains(credentials.accessToken().reveal())) {
      throw new CredentialsRejectedException("The provider refused the access token.");
    }
  }
}
