package dev.integrations.core.service;

import dev.integrations.core.error.CredentialsRejectedException;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.IntegrationException;
import dev.integrations.core.error.NotConnectedException;
import dev.integrations.core.model.ConnectionEvent;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.Deadline;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.TestResult;
import dev.integrations.core.model.UserId;
import dev.integrations.core.port.OAuthProviderPort;
import dev.integrations.core.port.ProviderPort;
import dev.integrations.core.port.StoredCredentials;
import dev.integrations.core.port.Telemetry;
import dev.integrations.core.port.TokenStore;
import dev.integrations.core.service.internal.CallObserver;
import dev.integrations.core.service.internal.ConnectionKey;
import dev.integrations.core.service.internal.ConnectionRecorder;
import dev.integrations.core.service.internal.CredentialsRefresher;
import dev.integrations.core.service.internal.ProviderRegistry;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Calls through a user's connection, the collaborator that both the connection use cases ({@link
 * IntegrationService#test}) and the actions ({@link ActionService}) need: fresh credentials
 * (refreshed first when they expire soon, one refresh per connection at a time), one refresh and
 * one more try when the provider refuses them, the whole within one request deadline, timed for the
 * telemetry and observed for usage and health.
 *
 * <p>Thread-safe.
 */
final class ConnectionCalls {
  private final ProviderRegistry providers;
  private final TokenStore tokens;
  private final CredentialsRefresher refresher;
  private final ConnectionRecorder recorder;
  private final Telemetry telemetry;
  private final CallObserver observer;
  private final Duration requestDeadline;

  ConnectionCalls(
      ProviderRegistry providers,
      TokenStore tokens,
      CredentialsRefresher refresher,
      ConnectionRecorder recorder,
      Telemetry telemetry,
      CallObserver observer,
      Duration requestDeadline) {
    this.providers = providers;
    this.tokens = tokens;
    this.refresher = refresher;
    this.recorder = recorder;
    this.telemetry = telemetry;
    this.observer = observer;
    this.requestDeadline = requestDeadline;
  }

  /**
   * Runs {@code call}, the action {@code action} ({@code send_message}…) through the connection
   * {@code key} of {@code provider}, with fresh credentials, within one request deadline (a
   * refresh, the call, a refresh after a 401 and the call again), timed and counted.
   */
  <T> T action(
      ConnectionKey key, String action, ProviderPort provider, Function<Credentials, T> call) {
    return timed(
        key.type(),
        action,
        () ->
            Deadline.after(requestDeadline)
                .run(
                    () ->
                        observer.observe(key, action, () -> withCredentials(key, provider, call))));
  }

  /**
   * Credentials ready to use: refreshed first when they expire within the refresh margin.
   *
   * @throws NotConnectedException when there are none
   */
  Credentials credentialsFor(UserId user, IntegrationType type) {
    ProviderPort provider = providers.provider(type);
    ConnectionKey key = new ConnectionKey(user, type);
    StoredCredentials stored = tokens.find(user, type).orElseThrow(NotConnectedException::new);
    if (provider instanceof OAuthProviderPort oauthProvider
        && refresher.isExpiring(stored.credentials())) {
      return refresher.refreshExpiring(key, oauthProvider);
    }
    return stored.credentials();
  }

  /**
   * Runs {@code call} with fresh credentials; when the provider refuses them (HTTP 401), refreshes
   * once and runs it once more, never more. A bot token refused is recorded on the connection.
   */
  <T> T withCredentials(ConnectionKey key, ProviderPort provider, Function<Credentials, T> call) {
    Credentials credentials = credentialsFor(key.user(), key.type());
    try {
      return call.apply(credentials);
    } catch (CredentialsRejectedException rejected) {
      if (!(provider instanceof OAuthProviderPort oauthProvider)) {
        recorder.recordFailure(
            key,
            ErrorCode.CREDENTIALS_REJECTED,
            rejected.getMessage(),
            ConnectionEvent.Kind.TEST_FAILED);
        throw rejected;
      }
      Credentials refreshed = refresher.refreshRejected(key, oauthProvider, credentials);
      try {
        return call.apply(refreshed);
      } catch (CredentialsRejectedException again) {
        recorder.recordFailure(
            key,
            ErrorCode.CREDENTIALS_REJECTED,
            again.getMessage(),
            ConnectionEvent.Kind.TEST_FAILED);
        throw again;
      }
    }
  }

  /**
   * Runs {@code work}, telling the telemetry how long it took and how it ended: {@code ok}, or the
   * code of the {@link IntegrationException} it threw (a failed test result is counted by its code
   * too).
   */
  <T> T timed(IntegrationType type, String action, Supplier<T> work) {
    long started = System.nanoTime();
    String outcome = "error";
    try {
      T result = work.get();
      outcome =
          result instanceof TestResult test && !test.success() && test.code() != null
              ? test.code().wireName()
              : "ok";
      return result;
    } catch (IntegrationException e) {
      outcome = e.code().wireName();
      throw e;
    } finally {
      telemetry.providerCall(type, action, outcome, Duration.ofNanos(System.nanoTime() - started));
    }
  }
}
