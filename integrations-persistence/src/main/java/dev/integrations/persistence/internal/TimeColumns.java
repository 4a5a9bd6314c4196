package dev.integrations.persistence.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

/**
 * Binds and reads {@link Instant}s as {@code TIMESTAMP WITH TIME ZONE} through {@link
 * OffsetDateTime} in UTC ({@code setObject}/{@code getObject}, JDBC 4.2), so that no JVM default
 * time zone takes part and microseconds survive on H2 and PostgreSQL alike.
 */
public final class TimeColumns {
  private TimeColumns() {}

  /** Makes {@code jdbi} bind every {@link Instant} this way, ahead of its own java.time binding. */
  public static void install(Jdbi jdbi) {
    jdbi.registerArgument(new InstantArgumentFactory());
  }

  /** Reads a {@code TIMESTAMP WITH TIME ZONE} column, null when it is NULL. */
  public static Instant read(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /** Reads the {@code TIMESTAMP WITH TIME ZONE} column at {@code index}, null when it is NULL. */
  public static Instant read(ResultSet rs, int index) throws SQLException {
    OffsetDateTime value = rs.getObject(index, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static final class InstantArgumentFactory extends AbstractArgumentFactory<Instant> {
    InstantArgumentFactory() {
      super(Types.TIMESTAMP_WITH_TIMEZONE);
    }

    @Override
    protected Argument build(Instant value, ConfigRegistry config) {
      OffsetDateTime utc = value.atOffset(ZoneOffset.UTC);
      return (position, statement, ctx) -> statement.setObject(position, utc);
    }
  }
}
