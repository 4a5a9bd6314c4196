package dev.integrations.core.service;

import dev.integrations.core.error.CredentialsRejectedException;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.IntegrationException;
import dev.integrations.core.error.InvalidRequestException;
import dev.integrations.core.error.MissingScopesException;
import dev.integrations.core.error.NotConnectedException;
import dev.integrations.core.error.ReauthorizationRequiredException;
import dev.integrations.core.model.Account;
import dev.integrations.core.model.AuthMethod;
import dev.integrations.core.model.Connection;
import dev.integrations.core.model.ConnectionEvent;
import dev.integrations.core.model.ConnectionHealth;
import dev.integrations.core.model.ConnectionOverview;
import dev.integrations.core.model.ConnectionStatus;
import dev.integrations.core.model.ConnectionUsage;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.Deadline;
import dev.integrations.core.model.Integration;
import dev.integrations.core.model.IntegrationStatus;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.RevocationResult;
import dev.integrations.core.model.TestResult;
import dev.integrations.core.model.TokenConnection;
import dev.integrations.core.model.UserId;
import dev.integrations.core.port.BotTokenProviderPort;
import dev.integrations.core.port.ConnectionStore;
import dev.integrations.core.port.OAuthProviderPort;
import dev.integrations.core.port.ProviderPort;
import dev.integrations.core.port.StoredCredentials;
import dev.integrations.core.port.TokenStore;
import dev.integrations.core.service.internal.ConnectionKey;
import dev.integrations.core.service.internal.ConnectionRecorder;
import dev.integrations.core.service.internal.CredentialsRefresher;
import dev.integrations.core.service.internal.EventPublisher;
import dev.integrations.core.service.internal.HealthRecorder;
import dev.integrations.core.service.internal.OAuthFlow;
import dev.integrations.core.service.internal.ProviderRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection use cases: list, connect, complete an authorization, test, disconnect, and hand
 * out fresh credentials. Built by {@link Integrations#builder()}. Each use case that may call a
 * provider runs within one request deadline ({@link Integrations.Builder#requestDeadline}).
 *
 * <p>Thread-safe: one instance serves every user and thread of a process. Several processes may
 * share one database; nothing that must be shared lives only in this object.
 */
public final class IntegrationService {
  private static final Logger LOG = LoggerFactory.getLogger(IntegrationService.class);

  private final ProviderRegistry providers;
  private final TokenStore tokens;
  private final ConnectionStore connections;
  private final ConnectionRecorder recorder;
  private final CredentialsRefresher refresher;
  private final OAuthFlow oauth;
  private final EventPublisher events;
  private final Clock clock;
  private final Duration requestDeadline;
  private final ConnectionCalls calls;
  private final Monitoring monitoring;

  IntegrationService(
      ProviderRegistry providers,
      TokenStore tokens,
      ConnectionStore connections,
      OAuthFlow oauth,
      CredentialsRefresher refresher,
      ConnectionRecorder recorder,
      EventPublisher events,
      Clock clock,
      Duration requestDeadline,
      ConnectionCalls calls,
      Monitoring monitoring) {
    this.calls = calls;
    this.monitoring = monitoring;
    this.providers = providers;
    this.tokens = tokens;
    this.connections = connections;
    this.oauth = oauth;
    this.refresher = refresher;
    this.recorder = recorder;
    this.events = events;
    this.clock = clock;
    this.requestDeadline = requestDeadline;
  }

  /** Every integration in the catalog, in catalog order. */
  public List<Integration> catalog() {
    return providers.catalog();
  }

  /** The catalog entry of {@code type}; an {@code invalid_integration_type} error when unknown. */
  public Integration integration(IntegrationType type) {
    return providers.provider(type).integration();
  }

  /**
   * Every integration with the user's connection to it (disconnected where there is none), its
   * health and its calls of the last 24 hours (none where it is not connected): one read of the
   * stores.
   */
  public List<IntegrationStatus> list(UserId user) {
    Map<IntegrationType, ConnectionOverview> mine = new HashMap<>();
    for (ConnectionOverview overview : monitoring.overview(connections, user)) {
      mine.put(overview.connection().type(), overview);
    }
    List<Integration> catalog = providers.catalog();
    List<IntegrationStatus> statuses = new ArrayList<>(catalog.size());
    for (Integration i : catalog) {
      ConnectionOverview overview = mine.get(i.type());
      statuses.add(
          overview == null
              ? new IntegrationStatus(i, Connection.disconnected(user, i.type()))
              : new IntegrationStatus(
                  i,
                  overview.connection(),
                  HealthRecorder.view(overview.connection(), overview.health()).orElse(null),
                  overview.usage()));
    }
    return statuses;
  }

  /**
   * The health of the user's connection to {@code type}: as recorded, or as its status says when
   * nothing was recorded yet.
   *
   * @throws NotConnectedException when the user has no connection to it
   */
  public ConnectionHealth health(UserId user, IntegrationType type) {
    providers.provider(type);
    Connection connection = connections.find(user, type).orElseThrow(NotConnectedException::new);
    return HealthRecorder.view(connection, monitoring.health().find(user, type).orElse(null))
        .orElseThrow(NotConnectedException::new);
  }

  /**
   * The calls through the user's connection to {@code type} over the last {@value
   * Monitoring#USAGE_DAYS} days (UTC), day by day and per action; a connection never used, or not
   * connected, has only zeros.
   */
  public ConnectionUsage usage(UserId user, IntegrationType type) {
    providers.provider(type);
    return monitoring.usage(user, type);
  }

  /**
   * Tests each of the user's connections as {@link #test} does, a few at a time, each within its
   * own request deadline. A test that fails with an error (the provider unreachable, say) is a
   * failed result with that error's code, not an exception.
   *
   * @return one result per connection, in catalog order
   */
  public List<ConnectionTest> testAll(UserId user) {
    Set<IntegrationType> mine =
        connections.findAll(user).stream()
            .filter(c -> c.status() != ConnectionStatus.DISCONNECTED)
            .map(Connection::type)
            .collect(Collectors.toSet());
    List<IntegrationType> types =
        providers.catalog().stream().map(Integration::type).filter(mine::contains).toList();
    return BatchTests.run(types, type -> test(user, type));
  }

  /**
   * Connects a bot-token or API-key integration after the provider has accepted the token and the
   * connection's values (nothing is stored otherwise), or starts an OAuth authorization and returns
   * the consent URL.
   */
  public ConnectResult connect(ConnectCommand command) {
    return withinDeadline(() -> connectNow(command));
  }

  private ConnectResult connectNow(ConnectCommand command) {
    ProviderPort provider = providers.provider(command.type());
    Integration integration = provider.integration();
    if (integration.authMethod() == AuthMethod.BOT_TOKEN) {
      return connectBotToken(command, (BotTokenProviderPort) provider, integration);
    }
    if (!command.config().isEmpty()) {
      throw new InvalidRequestException(
          ErrorCode.INVALID_REQUEST,
          integration.name()
              + " connects through its consent screen and takes no connection values (config).");
    }
    OAuthFlow.Started started =
        oauth.start(
            command.user(),
            (OAuthProviderPort) provider,
            command.redirectUri(),
            command.completion());
    return new ConnectResult.AuthorizationPending(
        started.authorizationUrl(),
        started.request().state(),
        started.request().expiresAt(),
        started.request().completion(),
        started.browserBinding());
  }

  private ConnectResult connectBotToken(
      ConnectCommand command, BotTokenProviderPort provider, Integration integration) {
    if (command.botToken() == null) {
      throw new InvalidRequestException(
          ErrorCode.BOT_TOKEN_REQUIRED,
          provider.tokenField() + " required for " + integration.name());
    }
    TokenConnection accepted = provider.validate(command.botToken(), command.config());
    Account account = accepted.account();
    ConnectionKey key = new ConnectionKey(command.user(), command.type());
    tokens.put(key.user(), key.type(), accepted.credentials());
    Connection connection = Connection.connected(key.user(), key.type(), clock.instant(), account);
    ConnectionEvent connected = events.event(ConnectionEvent.Kind.CONNECTED, key, null);
    connections.save(connection, connected);
    events.publish(connected);
    return new ConnectResult.Connected(connection);
  }

  /**
   * Completes an OAuth authorization for a caller that proves the person: the user it authenticated
   * itself ({@link AuthorizationCallback#expectedUser()}) or the starting browser's binding secret.
   * Consumes the state (unknown, expired, reused is refused; so is another user's or another
   * browser's consent, with {@code consent_mismatch}), exchanges the code with the request's PKCE
   * verifier and stores the grant.
   *
   * @throws IllegalArgumentException when the callback carries no proof of the person: a public
   *     route uses {@link #receiveAuthorization} instead
   * @throws dev.integrations.core.error.AuthorizationFailedException when refused; nothing is
   *     stored
   * @throws dev.integrations.core.error.MissingScopesException when the user unticked required
   *     scopes; the grant is stored and the connection marked {@code missing_scopes}
   */
  public Connection completeAuthorization(AuthorizationCallback callback) {
    if (!callback.provesPerson()) {
      throw new IllegalArgumentException(
          "completeAuthorization needs the authenticated user or the browser binding; use receiveAuthorization");
    }
    return withinDeadline(
        () -> ((AuthorizationOutcome.Completed) oauth.receive(callback)).connection());
  }

  /**
   * Handles the provider's return at a public callback route. Consumes the state, then: when the
   * callback proves the person (the browser binding of a {@link
   * dev.integrations.core.model.Completion#BROWSER} request), completes as {@link
   * #completeAuthorization} does; when the request was started for {@link
   * dev.integrations.core.model.Completion#API API completion}, stores nothing and parks the code
   * under a fresh one-time handle for {@link #confirmAuthorization}; otherwise refuses with {@code
   * consent_mismatch}, exchanging nothing. A refused request is burnt: its code can never be
   * redeemed.
   *
   * @throws dev.integrations.core.error.AuthorizationFailedException when refused; nothing is
   *     stored
   * @throws dev.integrations.core.error.MissingScopesException as {@link #completeAuthorization}
   */
  public AuthorizationOutcome receiveAuthorization(AuthorizationCallback callback) {
    return withinDeadline(() -> oauth.receive(callback));
  }

  /**
   * Completes a parked authorization for {@code user}, who must be the user who started it:
   * consumes the handle (whatever the outcome), exchanges the parked code and stores the grant.
   *
   * @throws dev.integrations.core.error.AuthorizationFailedException {@code consent_mismatch} when
   *     another user started it, {@code invalid_state} when the handle is unknown, expired or used;
   *     nothing is stored
   * @throws dev.integrations.core.error.MissingScopesException as {@link #completeAuthorization}
   */
  public Connection confirmAuthorization(UserId user, String handle) {
    Objects.requireNonNull(user, "user");
    return withinDeadline(() -> oauth.confirm(user, handle));
  }

  /**
   * Makes a real, cheap call with the stored credentials (refreshed first if needed) and records
   * the outcome on the connection. A provider that refuses the credentials gives a failed result,
   * not an exception; an unreachable one gives a {@link
   * dev.integrations.core.error.ProviderException}.
   */
  public TestResult test(UserId user, IntegrationType type) {
    return calls.timed(type, "test", () -> withinDeadline(() -> testNow(user, type)));
  }

  /** A test by the background maintenance: recorded in the health, not counted as usage. */
  TestResult check(UserId user, IntegrationType type) {
    return withinDeadline(() -> testNow(user, type, false));
  }

  private TestResult testNow(UserId user, IntegrationType type) {
    return testNow(user, type, true);
  }

  private TestResult testNow(UserId user, IntegrationType type, boolean counted) {
    ProviderPort provider = providers.provider(type);
    ConnectionKey key = new ConnectionKey(user, type);
    Connection seen = recorder.find(key).orElse(null);
    TestResult result;
    try {
      result =
          calls.withCredentials(
              key, provider, credentials -> testGrantedScopes(provider, credentials));
    } catch (ReauthorizationRequiredException | CredentialsRejectedException e) {
      monitoring.tested(key, counted, TestResult.failed(e.code(), e.getMessage()), e);
      return TestResult.failed(e.code(), e.getMessage());
    } catch (NotConnectedException e) {
      throw e;
    } catch (IntegrationException e) {
      monitoring.tested(key, counted, null, e);
      throw e;
    }
    monitoring.tested(key, counted, result, null);
    if (seen == null) {
      return result; // credentials without a connection row: nothing to record on
    }
    if (result.success()) {
      recorder.recordSuccess(seen, result.account());
    } else {
      recorder.recordFailure(
          seen, result.code(), result.message(), ConnectionEvent.Kind.TEST_FAILED);
    }
    return result;
  }

  private static TestResult testGrantedScopes(ProviderPort provider, Credentials credentials) {
    Set<String> missing = credentials.missingScopes(provider.integration().requiredScopes());
    if (!missing.isEmpty()) {
      return TestResult.failed(ErrorCode.MISSING_SCOPES, MissingScopesException.describe(missing));
    }
    return provider.test(credentials);
  }

  /**
   * Deletes the credentials and the connection, and revokes the grant at the provider where it can
   * (a failure there is reported, not fatal). A grant another of the user's connections still
   * relies on (same credentials group, same or unknown account: Gmail and Drive of one Google
   * account) is not revoked, because the provider would end that connection's access too; the
   * result says so.
   *
   * @throws NotConnectedException when the user has no connection to {@code type}
   */
  public DisconnectResult disconnect(UserId user, IntegrationType type) {
    return withinDeadline(() -> disconnectNow(user, type));
  }

  /**
   * Disconnects each of the user's connections, in catalog order, each as {@link #disconnect} does
   * and within its own request deadline: a grant that several of them share (Gmail and Drive of one
   * Google account) is kept while another still uses it and revoked with the last of them. One
   * connection that fails does not stop the others.
   *
   * @return one outcome per connection the user had, in catalog order (empty when there were none)
   */
  public List<DisconnectOutcome> disconnectAll(UserId user) {
    Set<IntegrationType> mine =
        connections.findAll(user).stream().map(Connection::type).collect(Collectors.toSet());
    List<IntegrationType> order =
        new java.util.ArrayList<>(
            providers.catalog().stream().map(Integration::type).filter(mine::contains).toList());
    mine.stream()
        .filter(t -> !order.contains(t))
        .sorted(java.util.Comparator.comparing(IntegrationType::value))
        .forEach(order::add);
    return order.stream().map(type -> disconnectOne(user, type)).toList();
  }

  private DisconnectOutcome disconnectOne(UserId user, IntegrationType type) {
    try {
      return DisconnectOutcome.of(disconnect(user, type));
    } catch (dev.integrations.core.error.IntegrationException e) {
      LOG.warn("Disconnecting {} failed: {}", type, e.getMessage());
      return new DisconnectOutcome(type, false, e.getMessage(), e.code(), null);
    }
  }

  private DisconnectResult disconnectNow(UserId user, IntegrationType type) {
    ProviderPort provider = providers.provider(type);
    StoredCredentials stored = tokens.find(user, type).orElse(null);
    Connection connection = connections.find(user, type).orElse(null);
    if (stored == null && connection == null) {
      throw new NotConnectedException();
    }
    RevocationResult revocation;
    if (stored == null) {
      revocation = RevocationResult.notSupported();
    } else {
      List<Integration> sharing = sharingTheGrant(user, provider.integration(), connection);
      revocation =
          sharing.isEmpty()
              ? revoke(provider, stored)
              : RevocationResult.keptForSharedGrant(sharing);
    }
    tokens.delete(user, type);
    ConnectionEvent disconnected =
        events.event(ConnectionEvent.Kind.DISCONNECTED, new ConnectionKey(user, type), null);
    connections.delete(user, type, disconnected);
    events.publish(disconnected);
    return new DisconnectResult(type, revocation);
  }

  /**
   * The user's other integrations, with credentials, whose grant may be the one of {@code
   * connection}: same credentials group, and the same account or an account we do not know.
   */
  private List<Integration> sharingTheGrant(
      UserId user, Integration integration, Connection connection) {
    Map<IntegrationType, Connection> mine =
        connections.findAll(user).stream()
            .collect(Collectors.toMap(Connection::type, Function.identity()));
    Account account = connection == null ? null : connection.account();
    return providers.catalog().stream()
        .filter(
            other ->
                !other.type().equals(integration.type())
                    && other.sharesCredentialsWith(integration))
        .filter(other -> tokens.find(user, other.type()).isPresent())
        .filter(other -> sameOrUnknownAccount(account, mine.get(other.type())))
        .toList();
  }

  private static boolean sameOrUnknownAccount(Account account, Connection other) {
    Account otherAccount = other == null ? null : other.account();
    return account == null || otherAccount == null || account.id().equals(otherAccount.id());
  }

  private static RevocationResult revoke(ProviderPort provider, StoredCredentials stored) {
    try {
      return provider.revoke(stored.credentials());
    } catch (RuntimeException e) {
      LOG.warn("Revocation at {} failed", provider.integration().name(), e);
      return RevocationResult.failed("Revocation at " + provider.integration().name() + " failed.");
    }
  }

  /**
   * Credentials ready to use: refreshed first when they expire within the refresh margin (one
   * refresh per connection at a time, however many callers wait for it).
   *
   * @throws NotConnectedException when there are none
   * @throws ReauthorizationRequiredException when the provider refused the refresh
   */
  public Credentials credentialsFor(UserId user, IntegrationType type) {
    return withinDeadline(() -> calls.credentialsFor(user, type));
  }

  ProviderRegistry providers() {
    return providers;
  }

  ConnectionCalls calls() {
    return calls;
  }

  CredentialsRefresher refresher() {
    return refresher;
  }

  TokenStore tokens() {
    return tokens;
  }

  ConnectionStore connectionStore() {
    return connections;
  }

  Monitoring monitoring() {
    return monitoring;
  }

  Duration requestDeadline() {
    return requestDeadline;
  }

  /** Runs {@code work} within one request deadline (or the caller's, when that one is sooner). */
  private <T> T withinDeadline(Supplier<T> work) {
    return Deadline.after(requestDeadline).run(work);
  }
}
