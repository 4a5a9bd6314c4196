package dev.integrations.providers.google.bench;

import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.FileUpload;
import dev.integrations.core.model.RemoteFile;
import dev.integrations.core.model.Secret;
import dev.integrations.core.port.FilesPort;
import dev.integrations.providers.google.GoogleProviders;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockWebServer;

/**
 * Uploads a generated file (1 GiB by default) through the Drive adapter to a local resumable-upload
 * server that discards the bytes, and prints the peak heap the JVM used meanwhile. Run it with a
 * small heap ({@code bench/upload-heap.sh} uses {@code -Xmx64m}) to show that an upload streams.
 *
 * <p>Arguments: {@code [sizeMiB] [chunkMiB]}. Not a test: surefire does not pick it up.
 */
public final class UploadHeapBenchmark {
  private static final long MIB = 1024 * 1024;

  private UploadHeapBenchmark() {}

  public static void main(String[] args) throws Exception {
    long size = (args.length > 0 ? Long.parseLong(args[0]) : 1024) * MIB;
    int chunk = (int) ((args.length > 1 ? Long.parseLong(args[1]) : 8) * MIB);
    List<MemoryPoolMXBean> heapPools =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .toList();

    try (MockWebServer server = new MockWebServer()) {
      ResumableUploadDispatcher drive = new ResumableUploadDispatcher(server, false);
      server.setDispatcher(drive);
      server.start();
      FilesPort files =
          (FilesPort)
              GoogleProviders.builder()
                  .clientId("bench")
                  .clientSecret(Secret.of("bench"))
                  .apiRootUrl(server.url("/").toString())
                  .uploadChunkSize(chunk)
                  .build()
                  .drive();
      Credentials credentials = new Credentials(Secret.of("token"), null, null, Set.of());

      System.gc();
      heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
      HeapSampler sampler = new HeapSampler();
      sampler.start();
      AtomicLong lastProgress = new AtomicLong();
      long start = System.nanoTime();
      RemoteFile created =
          files.upload(
              credentials,
              new FileUpload(
                  "bench.bin",
                  "application/octet-stream",
                  null,
                  size,
                  () -> new GeneratedStream(size)),
              (sent, total) -> lastProgress.set(sent));
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      sampler.stop();

      long poolPeaks = heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
      System.out.printf("date            %s%n", Instant.now());
      System.out.printf(
          "java            %s, max heap %d MiB%n",
          System.getProperty("java.version"), Runtime.getRuntime().maxMemory() / MIB);
      System.out.printf(
          "upload          %d MiB in chunks of %d MiB -> file %s (%d bytes)%n",
          size / MIB, chunk / MIB, created.id(), created.size());
      System.out.printf(
          "server received %d bytes in %d chunks; last progress %d%n",
          drive.receivedBytes(), drive.contentRanges().size(), lastProgress.get());
      System.out.printf(
          "time            %.1f s (%.0f MiB/s)%n",
          took.toMillis() / 1000.0, size / MIB / (took.toMillis() / 1000.0));
      System.out.printf(
          "peak heap used  %.1f MiB (sampled every 5 ms)%n", sampler.peak() / (double) MIB);
      System.out.printf(
          "heap pool peaks %.1f MiB (sum of each pool's own peak: an upper bound)%n",
          poolPeaks / (double) MIB);
      if (drive.receivedBytes() != size) {
        throw new IllegalStateException("the server did not receive every byte");
      }
    }
  }

  /** Samples the used heap on a daemon thread and keeps the largest value seen. */
  private static final class HeapSampler implements Runnable {
    private final AtomicLong peak = new AtomicLong();
    private volatile boolean running = true;
    private Thread thread;

    void start() {
      thread = new Thread(this, "heap-sampler");
      thread.setDaemon(true);
      thread.start();
    }

    @Override
    public void run() {
      while (running) {
        peak.accumulateAndGet(
            ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    void stop() throws InterruptedException {
      running = false;
      thread.join();
      peak.accumulateAndGet(
          ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
    }

    long peak() {
      return peak.get();
    }
  }

  /** {@code size} bytes of a repeating pattern, generated as they are read: no file, no buffer. */
  private static final class GeneratedStream extends InputStream {
    private final long size;
    private long position;

    GeneratedStream(long size) {
      this.size = size;
    }

    @Override
    public int read() {
      return position < size ? (int) (position++ % 251) : -1;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (position >= size) {
        return -1;
      }
      int count = (int) Math.min(length, size - position);
      for (int i = 0; i < count; i++) {
        buffer[offset + i] = (byte) (position++ % 251);
      }
      return count;
    }
  }
}
