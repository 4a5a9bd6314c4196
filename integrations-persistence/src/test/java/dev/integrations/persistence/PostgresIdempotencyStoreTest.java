package dev.integrations.persistence;

import java.nio.file.Path;

/** The idempotency store contract on a fresh PostgreSQL schema. */
class PostgresIdempotencyStoreTest extends JdbiIdempotencyStoreContract {
  @Override
  TestDatabase database(Path directory) {
    return TestDatabase.postgres();
  }
}
