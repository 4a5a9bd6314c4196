package dev.integrations.persistence;

import java.nio.file.Path;

/** The idempotency store contract on an H2 file. */
class H2IdempotencyStoreTest extends JdbiIdempotencyStoreContract {
  @Override
  TestDatabase database(Path directory) {
    return TestDatabase.h2(directory);
  }
}
