package dev.integrations.bench;

import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.UserId;
import dev.integrations.core.service.IntegrationService;
import dev.integrations.core.service.Integrations;
import dev.integrations.persistence.AesGcmTokenCipher;
import dev.integrations.persistence.EncryptionKeys;
import dev.integrations.persistence.JdbiStores;
import dev.integrations.providers.telegram.TelegramProviders;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * P3: {@code credentialsFor} of stored, valid credentials, through the real stores on an H2 file (one
 * query, AES-256-GCM decryption of the token, the use case's checks): the read behind every provider call.
 * Run with one thread for the per-core figure ({@code bench/jmh.sh}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
public class CredentialsForBenchmark {
  private static final IntegrationType TELEGRAM = IntegrationType.of("telegram");
  private static final UserId USER = UserId.of("bench-user");

  private Path directory;
  private JdbiStores stores;
  private IntegrationService connections;

  @Setup(Level.Trial)
  public void open() throws IOException {
    directory = Files.createTempDirectory("integrations-jmh-");
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    stores = JdbiStores.open(
        "jdbc:h2:file:" + directory.resolve("integrations"), "", "",
        new AesGcmTokenCipher(EncryptionKeys.of(key, List.of())));
    stores.tokenStore().put(USER, TELEGRAM, Credentials.ofToken(Secret.of("123456:bench-token-abcdefghijklmnop")));
    Integrations integrations = Integrations.builder()
        .tokenStore(stores.tokenStore())
        .connectionStore(stores.connectionStore())
        .stateStore(stores.stateStore())
        .provider(TelegramProviders.builder().apiUrl("http://127.0.0.1:9").build().provider())
        .redirectUri(URI.create("http://127.0.0.1:8000/api/integrations/callback"))
        .build();
    connections = integrations.connections();
  }

  @Benchmark
  public Credentials credentialsFor() {
    return connections.credentialsFor(USER, TELEGRAM);
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    stores.close();
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }
}
