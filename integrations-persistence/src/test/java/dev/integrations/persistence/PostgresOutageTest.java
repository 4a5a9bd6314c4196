package dev.integrations.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.StorageException;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.UserId;
import dev.integrations.testing.TcpProxy;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A database that cannot be reached is an outage, {@code storage_unavailable} (503 over HTTP), not
 * a failure of ours (500): the stores say so, and recover when it is back.
 */
class PostgresOutageTest {
  private TestDatabase schema;
  private TcpProxy proxy;
  private JdbiStores stores;

  @BeforeEach
  void openThroughAProxy() throws Exception {
    schema = TestDatabase.postgres();
    URI target = URI.create(schema.url().substring("jdbc:".length()));
    proxy = new TcpProxy(target.getHost(), target.getPort() == -1 ? 5432 : target.getPort());
    String throughProxy =
        schema.url().replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/");
    stores = JdbiStores.open(throughProxy, schema.user(), schema.password(), schema.cipher, 2);
  }

  @AfterEach
  void close() throws Exception {
    if (stores != null) {
      stores.close();
    }
    if (proxy != null) {
      proxy.close();
    }
    if (schema != null) {
      schema.close();
    }
  }

  @Test
  void an_unreachable_database_is_storage_unavailable_and_readiness_says_so() {
    assertThat(stores.connectionStore().find(UserId.of("ann"), IntegrationType.GMAIL)).isEmpty();

    proxy.close();

    StorageException failure =
        catchThrowableOfType(
            StorageException.class,
            () -> stores.connectionStore().find(UserId.of("ann"), IntegrationType.GMAIL));
    assertThat(failure).isNotNull();
    assertThat(failure.code()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE);
    assertThat(failure.getMessage())
        .startsWith("Could not read a connection: the database is unavailable");
    assertThat(stores.isHealthy()).isFalse();
  }
}
