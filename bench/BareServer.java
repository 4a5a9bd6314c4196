import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The yardstick of bench/run.sh: a bare Javalin 7 app whose one route answers fixed JSON bytes (those our
 * GET /api/integrations gave), with no authentication, database, logging or headers of ours. Run as
 * {@code java -cp integrations.jar bench/BareServer.java PORT BODY_FILE}, with the JVM options of serve.
 */
public final class BareServer {
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    byte[] body = Files.readAllBytes(Path.of(args[1]));
    Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.routes.get("/bare", ctx -> ctx.contentType("application/json").result(body));
    }).start("127.0.0.1", port);
  }
}
