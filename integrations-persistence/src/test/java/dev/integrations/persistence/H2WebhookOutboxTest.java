package dev.integrations.persistence;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The webhook outbox on an H2 file. */
class H2WebhookOutboxTest extends WebhookOutboxContract {
  @TempDir Path directory;

  @Override
  TestDatabase newDatabase() {
    return TestDatabase.h2(directory);
  }
}
