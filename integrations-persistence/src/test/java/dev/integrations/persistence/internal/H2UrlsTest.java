package dev.integrations.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class H2UrlsTest {
  @Test
  void makes_the_default_file_url_durable() {
    assertThat(H2Urls.durable("jdbc:h2:file:./data/integrations"))
        .isEqualTo("jdbc:h2:file:./data/integrations;WRITE_DELAY=0;LOCK_TIMEOUT=10000");
  }

  @Test
  void makes_other_persistent_h2_urls_durable_and_keeps_their_settings() {
    assertThat(H2Urls.durable("jdbc:h2:~/db;CIPHER=AES"))
        .isEqualTo("jdbc:h2:~/db;CIPHER=AES;WRITE_DELAY=0;LOCK_TIMEOUT=10000");
    assertThat(H2Urls.durable("JDBC:H2:tcp://localhost/~/db"))
        .endsWith(";WRITE_DELAY=0;LOCK_TIMEOUT=10000");
  }

  @Test
  void keeps_the_settings_a_url_chose() {
    assertThat(H2Urls.durable("jdbc:h2:file:/d/db;write_delay=0;lock_timeout=500"))
        .isEqualTo("jdbc:h2:file:/d/db;write_delay=0;lock_timeout=500");
    assertThat(H2Urls.durable("jdbc:h2:file:/d/db;WRITE_DELAY=500"))
        .isEqualTo("jdbc:h2:file:/d/db;WRITE_DELAY=500;LOCK_TIMEOUT=10000");
  }

  @Test
  void leaves_in_memory_and_other_databases_alone() {
    assertThat(H2Urls.durable("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1"))
        .isEqualTo("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1");
    assertThat(H2Urls.durable("jdbc:postgresql://localhost/db"))
        .isEqualTo("jdbc:postgresql://localhost/db");
  }
}
