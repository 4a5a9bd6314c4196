package dev.integrations.core.testing;

import dev.integrations.core.memory.InMemoryConnectionStore;
import dev.integrations.core.memory.InMemoryOAuthStateStore;
import dev.integrations.core.memory.InMemoryTokenStore;
import dev.integrations.core.model.ConnectionEvent;
import dev.integrations.core.service.Integrations;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The library assembled on in-memory stores and fake providers, with a hand-moved clock. */
public final class TestRig {
  public static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
  public static final URI REDIRECT = URI.create("http://localhost:8000/api/integrations/callback");

  public final MutableClock clock = new MutableClock(T0);
  public final InMemoryTokenStore tokens;
  public final InMemoryConnectionStore connections;
  public final InMemoryOAuthStateStore states;
  public final FakeOAuthProvider oauth = new FakeOAuthProvider();
  public final FakeBotProvider bot = new FakeBotProvider();
  public final List<ConnectionEvent> events = new CopyOnWriteArrayList<>();
  public final Integrations integrations;

  public TestRig() {
    this(new InMemoryTokenStore(), new InMemoryConnectionStore(), new InMemoryOAuthStateStore());
  }

  /** A second "process" sharing this rig's stores (its own single-flight map and providers). */
  public TestRig sharingStoresWith() {
    return new TestRig(tokens, connections, states);
  }

  private TestRig(InMemoryTokenStore tokens, InMemoryConnectionStore connections, InMemoryOAuthStateStore states) {
    this.tokens = tokens;
    this.connections = connections;
    this.states = states;
    this.integrations =
        Integrations.builder()
            .tokenStore(tokens)
            .connectionStore(connections)
            .stateStore(states)
            .provider(oauth, bot)
            .clock(clock)
            .redirectUri(REDIRECT)
            .listener(events::add)
            .build();
  }
}
