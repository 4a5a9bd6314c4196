package dev.integrations.bench;

import dev.integrations.bootstrap.presentation.IntegrationEntry;
import dev.integrations.bootstrap.presentation.IntegrationListJson;
import dev.integrations.bootstrap.presentation.JsonMapping;
import dev.integrations.core.model.Account;
import dev.integrations.core.model.AuthMethod;
import dev.integrations.core.model.Capability;
import dev.integrations.core.model.Connection;
import dev.integrations.core.model.ConnectionHealth;
import dev.integrations.core.model.Integration;
import dev.integrations.core.model.IntegrationStatus;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.UsageCount;
import dev.integrations.core.model.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JSON of GET /api/integrations for a user with one connection among twelve integrations: {@link
 * IntegrationListJson} against the mapper serialising every entry.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
public class ListJsonBenchmark {
  private final JsonMapping json = new JsonMapping();
  private IntegrationListJson writer;
  private List<IntegrationStatus> statuses;

  @Setup
  public void setUp() {
    UserId user = UserId.of("bench-user");
    Instant t = Instant.parse("2026-12-01T10:15:30.123456Z");
    List<Integration> catalog = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      catalog.add(
          new Integration(
              IntegrationType.of("provider_" + i),
              "Provider " + i,
              "Sends and receives things through provider " + i + " for the user",
              "provider-" + i,
              AuthMethod.OAUTH2,
              Set.of("https://example.com/auth/read", "https://example.com/auth/send", "openid"),
              "provider_" + i,
              Set.of(Capability.MAIL, Capability.FILES),
              true));
    }
    writer = new IntegrationListJson(json, catalog);
    statuses = new ArrayList<>();
    for (Integration i : catalog) {
      statuses.add(
          i == catalog.get(3)
              ? new IntegrationStatus(
                  i,
                  Connection.connected(user, i.type(), t, new Account("4242", "bench_bot")),
                  ConnectionHealth.healthy(user, i.type(), t, t).succeeded(t),
                  new UsageCount(12, 1))
              : new IntegrationStatus(i, Connection.disconnected(user, i.type())));
    }
  }

  @Benchmark
  public byte[] listJson() {
    return writer.write(statuses);
  }

  @Benchmark
  public byte[] mapperEveryEntry() throws Exception {
    return json.mapper().writeValueAsBytes(statuses.stream().map(IntegrationEntry::of).toList());
  }
}
