import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.integrations.bootstrap.ConfigSource;
import dev.integrations.bootstrap.Settings;
import dev.integrations.bootstrap.Wiring;
import dev.integrations.http.HttpServer;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * Starts, in one JVM, the real server through the composition root and a bare Javalin app with one
 * route answering the same JSON bytes without authentication, use case or logging; prints their URLs
 * and a valid JWT, then runs until stdin closes. Run by bench/run.sh.
 */
public final class BenchServer {
  public static void main(String[] args) throws Exception {
    Path data = Files.createTempDirectory("integrations-bench-");
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    String secret = Base64.getEncoder().encodeToString(random);
    new SecureRandom().nextBytes(random);
    Settings settings = Settings.from(ConfigSource.of(Map.of(
        "INTEGRATIONS_DATA_DIR", data.toString(),
        "INTEGRATIONS_HOST", "127.0.0.1",
        "INTEGRATIONS_PORT", "0",
        "INTEGRATIONS_JWT_SECRET", secret,
        "INTEGRATIONS_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(random),
        "GOOGLE_CLIENT_ID", "bench-client",
        "GOOGLE_CLIENT_SECRET", "bench-secret")));
    Wiring wiring = Wiring.start(settings);
    HttpServer server = HttpServer.start(wiring);
    String token = JWT.create().withSubject("bench-user").withExpiresAt(Instant.now().plusSeconds(86_400))
        .sign(Algorithm.HMAC256(secret));

    // The same answer the real route gives, fixed in advance.
    java.net.http.HttpResponse<byte[]> sample = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(server.url().resolve("/api/integrations"))
            .header("Authorization", "Bearer " + token).build(),
        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    byte[] body = sample.body();
    Javalin bare = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.routes.get("/bare", ctx -> ctx.contentType("application/json").result(body));
    }).start("127.0.0.1", 0);

    System.out.println("REAL_URL=" + server.url() + "api/integrations");
    System.out.println("BARE_URL=http://127.0.0.1:" + bare.port() + "/bare");
    System.out.println("TOKEN=" + token);
    System.out.println("BODY_BYTES=" + body.length + " STATUS=" + sample.statusCode());
    System.out.flush();
    while (System.in.read() != -1) {
      // runs until the script closes stdin
    }
    bare.stop();
    server.stop();
    wiring.close();
  }
}
