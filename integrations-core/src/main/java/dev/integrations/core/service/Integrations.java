package dev.integrations.core.service;

import dev.integrations.core.port.ConnectionListener;
import dev.integrations.core.port.ConnectionStore;
import dev.integrations.core.port.HealthStore;
import dev.integrations.core.port.OAuthStateStore;
import dev.integrations.core.port.ProviderPort;
import dev.integrations.core.port.RefreshLeases;
import dev.integrations.core.port.Telemetry;
import dev.integrations.core.port.TokenStore;
import dev.integrations.core.port.UsageStore;
import dev.integrations.core.service.internal.ConnectionRecorder;
import dev.integrations.core.service.internal.CredentialsRefresher;
import dev.integrations.core.service.internal.EventPublisher;
import dev.integrations.core.service.internal.HealthRecorder;
import dev.integrations.core.service.internal.LeasedRefresh;
import dev.integrations.core.service.internal.LocalHealthStore;
import dev.integrations.core.service.internal.LocalUsageStore;
import dev.integrations.core.service.internal.OAuthFlow;
import dev.integrations.core.service.internal.ProviderRegistry;
import dev.integrations.core.service.internal.SingleProcessLeases;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The library, assembled: its {@link #connections() connection use cases} and its {@link #actions()
 * actions}. Build one per process with {@link #builder()} and share it.
 *
 * <p>Thread-safe. {@link #close()} it when the process is done with it (it writes the last usage
 * counts).
 */
public final class Integrations implements AutoCloseable {
  /** The default of {@link Builder#requestDeadline}: 15 seconds. */
  public static final Duration DEFAULT_REQUEST_DEADLINE = Duration.ofSeconds(15);

  private final IntegrationService connections;
  private final ActionService actions;
  private final Maintenance maintenance;

  private Integrations(IntegrationService connections, Maintenance maintenance) {
    this.connections = connections;
    this.actions = new ActionService(connections.providers(), connections.calls());
    this.maintenance = maintenance;
  }

  /** Starts assembling the library from its adapters. */
  public static Builder builder() {
    return new Builder();
  }

  /** List, connect, complete an authorization, test, disconnect, credentials. */
  public IntegrationService connections() {
    return connections;
  }

  /** Send and search mail, list and upload files, send messages. */
  public ActionService actions() {
    return actions;
  }

  /**
   * The background maintenance of connections (refreshes before expiry, keep-alive checks, usage
   * pruning): not running until its {@link Maintenance#start()}; a server starts it, a command does
   * not.
   */
  public Maintenance maintenance() {
    return maintenance;
  }

  /**
   * Stops the maintenance if it runs and writes the usage counts not yet written (they are written
   * every second otherwise). The library must not be used afterwards.
   */
  @Override
  public void close() {
    maintenance.close();
    connections.monitoring().close();
  }

  /**
   * Collects the adapters. Not thread-safe; {@link #build()} copies what it holds, so a builder may
   * be reused.
   */
  public static final class Builder {
    private TokenStore tokenStore;
    private ConnectionStore connectionStore;
    private OAuthStateStore stateStore;
    private RefreshLeases refreshLeases = new SingleProcessLeases();
    private HealthStore healthStore = new LocalHealthStore();
    private UsageStore usageStore = new LocalUsageStore();
    private Duration maintenanceInterval = Maintenance.DEFAULT_INTERVAL;
    private Duration keepaliveIdle = Maintenance.DEFAULT_KEEPALIVE_IDLE;
    private final List<ProviderPort> providers = new ArrayList<>();
    private final List<ConnectionListener> listeners = new ArrayList<>();
    private Clock clock = Clock.systemUTC();
    private URI redirectUri;
    private Duration refreshMargin = Duration.ofSeconds(60);
    private Duration authorizationTtl = Duration.ofMinutes(10);
    private Duration refreshLeaseTtl = Duration.ofSeconds(30);
    private Duration requestDeadline = DEFAULT_REQUEST_DEADLINE;
    private Telemetry telemetry = Telemetry.NONE;

    private Builder() {}

    /** Where credentials are kept (required). */
    public Builder tokenStore(TokenStore tokenStore) {
      this.tokenStore = Objects.requireNonNull(tokenStore, "tokenStore");
      return this;
    }

    /** Where connection status is kept (required). */
    public Builder connectionStore(ConnectionStore connectionStore) {
      this.connectionStore = Objects.requireNonNull(connectionStore, "connectionStore");
      return this;
    }

    /** Where pending OAuth authorizations are kept (required). */
    public Builder stateStore(OAuthStateStore stateStore) {
      this.stateStore = Objects.requireNonNull(stateStore, "stateStore");
      return this;
    }

    /**
     * The leases that keep processes sharing the stores from refreshing one connection at the same
     * time (for example {@code JdbiStores.refreshLeases()}). Without them each process refreshes on
     * its own (one refresh per connection at a time in the process), which is right only for a
     * process that shares its stores with no other.
     */
    public Builder refreshLeases(RefreshLeases refreshLeases) {
      this.refreshLeases = Objects.requireNonNull(refreshLeases, "refreshLeases");
      return this;
    }

    /**
     * How long a refresh lease lasts (default 30 seconds): longer than a refresh call to the
     * provider takes, so that a live holder keeps it, and short enough that a holder that died does
     * not hold up the others for long. Other callers wait for a refresh at most about this long.
     */
    public Builder refreshLeaseTtl(Duration refreshLeaseTtl) {
      this.refreshLeaseTtl = requirePositive(refreshLeaseTtl, "refreshLeaseTtl");
      return this;
    }

    /**
     * Where connections' health and the maintenance's schedule are kept (default: in this process's
     * memory; {@code JdbiStores.healthStore()} to keep and share them).
     */
    public Builder healthStore(HealthStore healthStore) {
      this.healthStore = Objects.requireNonNull(healthStore, "healthStore");
      return this;
    }

    /** Where calls through connections are counted (default: in this process's memory). */
    public Builder usageStore(UsageStore usageStore) {
      this.usageStore = Objects.requireNonNull(usageStore, "usageStore");
      return this;
    }

    /**
     * How often the {@link Maintenance background maintenance} runs (default 10 minutes): it
     * refreshes tokens that would expire before its next run.
     */
    public Builder maintenanceInterval(Duration maintenanceInterval) {
      this.maintenanceInterval = requirePositive(maintenanceInterval, "maintenanceInterval");
      return this;
    }

    /**
     * After how long unused the maintenance verifies a connection with a test call (default 24
     * hours).
     */
    public Builder keepaliveIdle(Duration keepaliveIdle) {
      this.keepaliveIdle = requirePositive(keepaliveIdle, "keepaliveIdle");
      return this;
    }

    /** Adds provider adapters; the catalog lists them in the order added. */
    public Builder provider(ProviderPort... providers) {
      for (ProviderPort provider : providers) {
        this.providers.add(Objects.requireNonNull(provider, "provider"));
      }
      return this;
    }

    /** Adds a listener of connection events. */
    public Builder listener(ConnectionListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** Told how provider calls and refreshes went, for metrics (default: nobody). */
    public Builder telemetry(Telemetry telemetry) {
      this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
      return this;
    }

    /** The time source (default: the system clock in UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The OAuth redirect URI, your callback route; a connect may name another one. */
    public Builder redirectUri(URI redirectUri) {
      this.redirectUri = Objects.requireNonNull(redirectUri, "redirectUri");
      return this;
    }

    /** How long before expiry an access token is refreshed (default 60 seconds). */
    public Builder refreshMargin(Duration refreshMargin) {
      this.refreshMargin = requirePositive(refreshMargin, "refreshMargin");
      return this;
    }

    /** How long a pending authorization stays valid (default 10 minutes). */
    public Builder authorizationTtl(Duration authorizationTtl) {
      this.authorizationTtl = requirePositive(authorizationTtl, "authorizationTtl");
      return this;
    }

    /**
     * The total time one use case may spend on provider calls, retries and waits included (default
     * {@link #DEFAULT_REQUEST_DEADLINE 15 seconds}): a send, a listing, a test, a connect or a
     * callback that has not finished by then fails with {@code provider_timeout}. An upload is held
     * to it while it waits on the provider, not while its bytes flow; see {@code
     * docs/configuration.md}. A caller may set a shorter one around a call with {@link
     * dev.integrations.core.model.Deadline#run}.
     */
    public Builder requestDeadline(Duration requestDeadline) {
      this.requestDeadline = requirePositive(requestDeadline, "requestDeadline");
      return this;
    }

    /** Assembles the library; fails when a required adapter is missing. */
    public Integrations build() {
      Objects.requireNonNull(tokenStore, "tokenStore is required");
      Objects.requireNonNull(connectionStore, "connectionStore is required");
      Objects.requireNonNull(stateStore, "stateStore is required");
      ProviderRegistry registry = new ProviderRegistry(providers);
      HealthRecorder health = new HealthRecorder(healthStore, connectionStore, clock);
      List<ConnectionListener> all = new ArrayList<>();
      all.add(health); // first: a listener that reads a connection's health sees it recorded
      all.addAll(listeners);
      EventPublisher events = new EventPublisher(all, clock);
      health.publishTo(events);
      ConnectionRecorder recorder = new ConnectionRecorder(connectionStore, events, clock);
      LeasedRefresh leasedRefresh =
          new LeasedRefresh(
              tokenStore,
              refreshLeases,
              recorder,
              events,
              clock,
              refreshLeaseTtl,
              telemetry,
              health);
      CredentialsRefresher refresher =
          new CredentialsRefresher(
              leasedRefresh, clock, refreshMargin, leasedRefresh.waitLimit().plus(refreshLeaseTtl));
      OAuthFlow oauth =
          new OAuthFlow(
              registry,
              stateStore,
              tokenStore,
              connectionStore,
              events,
              clock,
              authorizationTtl,
              redirectUri);
      Monitoring monitoring = new Monitoring(healthStore, usageStore, health, clock);
      IntegrationService service =
          new IntegrationService(
              registry,
              tokenStore,
              connectionStore,
              oauth,
              refresher,
              recorder,
              events,
              clock,
              requestDeadline,
              new ConnectionCalls(
                  registry,
                  tokenStore,
                  refresher,
                  recorder,
                  telemetry,
                  monitoring.observer(),
                  requestDeadline),
              monitoring);
      return new Integrations(
          service,
          new Maintenance(service, clock, maintenanceInterval, keepaliveIdle, refreshMargin));
    }

    private static Duration requirePositive(Duration duration, String name) {
      Objects.requireNonNull(duration, name);
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
      return duration;
    }
  }
}
