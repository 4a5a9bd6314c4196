package dev.integrations.core.testing;

import dev.integrations.core.memory.InMemoryConnectionStore;
import dev.integrations.core.memory.InMemoryOAuthStateStore;
import dev.integrations.core.memory.InMemoryRefreshLeases;
import dev.integrations.core.model.ConnectionEvent;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.port.Telemetry;
import dev.integrations.core.service.Integrations;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The library assembled on in-memory stores and fake providers, with a hand-moved clock. */
public final class TestRig {
  public static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
  public static final URI REDIRECT = URI.create("http://localhost:8000/api/integrations/callback");

  /** The refresh lease time the rigs use unless told otherwise (the library's default). */
  public static final Duration LEASE_TTL = Duration.ofSeconds(30);

  public final MutableClock clock;
  public final ReadRecordingTokenStore tokens;
  public final InMemoryConnectionStore connections;
  public final InMemoryOAuthStateStore states;
  public final InMemoryRefreshLeases leases;
  public final FakeOAuthProvider oauth = new FakeOAuthProvider();
  public final FakeBotProvider bot = new FakeBotProvider();
  public final List<ConnectionEvent> events = new CopyOnWriteArrayList<>();

  /**
   * What the library told its {@link Telemetry}: "call TYPE ACTION OUTCOME" and "refresh TYPE
   * OUTCOME".
   */
  public final List<String> telemetry = new CopyOnWriteArrayList<>();

  public final Integrations integrations;

  public TestRig() {
    this(LEASE_TTL);
  }

  /** A rig whose refresh leases last {@code leaseTtl} (and whose callers wait about as long). */
  public TestRig(Duration leaseTtl) {
    this(
        new MutableClock(T0),
        new ReadRecordingTokenStore(),
        new InMemoryConnectionStore(),
        new InMemoryOAuthStateStore(),
        null,
        leaseTtl);
  }

  /**
   * A second "process" sharing this rig's stores, refresh leases and clock (with its own
   * single-flight map, providers and listeners), as two servers on one database do.
   */
  public TestRig sharingStoresWith() {
    return new TestRig(clock, tokens, connections, states, leases, LEASE_TTL);
  }

  private TestRig(
      MutableClock clock,
      ReadRecordingTokenStore tokens,
      InMemoryConnectionStore connections,
      InMemoryOAuthStateStore states,
      InMemoryRefreshLeases leases,
      Duration leaseTtl) {
    this.clock = clock;
    this.tokens = tokens;
    this.connections = connections;
    this.states = states;
    this.leases = leases != null ? leases : new InMemoryRefreshLeases(clock);
    this.integrations =
        Integrations.builder()
            .tokenStore(tokens)
            .connectionStore(connections)
            .stateStore(states)
            .refreshLeases(this.leases)
            .refreshLeaseTtl(leaseTtl)
            .provider(oauth, bot)
            .clock(clock)
            .redirectUri(REDIRECT)
            .listener(events::add)
            .telemetry(
                new Telemetry() {
                  @Override
                  public void providerCall(
                      IntegrationType type, String action, String outcome, Duration took) {
                    telemetry.add("call " + type.value() + " " + action + " " + outcome);
                  }

                  @Override
                  public void refresh(IntegrationType type, RefreshOutcome outcome) {
                    telemetry.add("refresh " + type.value() + " " + outcome);
                  }
                })
            .build();
  }
}
