package dev.integrations.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;
import org.openapitools.codegen.config.GlobalSettings;

/**
 * The document is good enough to generate a working client from: OpenAPI Generator (java, library
 * native, its defaults) generates one from the server's own {@code /openapi.json}; it is compiled
 * here and lists, connects a bot-token and an OAuth integration (whose two answers to {@code
 * connect} it must tell apart), tests, disconnects, and reads an error, against the real server.
 */
class GeneratedClientTest {
  private static final Pattern HANDLE = Pattern.compile("[?&]handle=([^&]+)");

  @TempDir Path work;
  private StandIns standIns;
  private TestServer server;

  @BeforeEach
  void start() {
    standIns = new StandIns();
    server = TestServer.start(standIns.env());
  }

  @AfterEach
  void stop() {
    server.close();
    standIns.close();
  }

  @Test
  void a_java_client_generated_from_the_document_works_against_the_server() throws Exception {
    Path sources = generate(server.get("/openapi.json", null).body());
    Files.writeString(sources.resolve("gen/Exercise.java"), EXERCISE);
    Path classes = compile(sources);

    List<String> seen;
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      Method run =
          loader
              .loadClass("gen.Exercise")
              .getMethod("run", String.class, String.class, String.class, Function.class);
      @SuppressWarnings("unchecked")
      List<String> result =
          (List<String>)
              run.invoke(
                  null,
                  server.uri("").toString(),
                  server.token("ann"),
                  StandIns.BOT_TOKEN,
                  (Function<String, String>) this::consentInBrowser);
      seen = result;
    }

    assertThat(seen)
        .containsExactly(
            "listed gmail:disconnected, google_drive:disconnected, telegram:disconnected",
            "connected telegram as @alerts_bot",
            "pending gmail api",
            "completed gmail",
            "tested gmail true",
            "disconnected telegram true",
            "listed gmail:connected, google_drive:disconnected, telegram:disconnected",
            "error 404 not_connected");
  }

  /**
   * The person's browser at the consent screen; returns the handle the server's callback gave it.
   */
  private String consentInBrowser(String consentUrl) {
    HttpResponse<String> callback = new Browser(server).arriveAt(standIns.consent(consentUrl));
    Matcher handle = HANDLE.matcher(callback.headers().firstValue("Location").orElseThrow());
    assertThat(handle.find()).as(callback.headers().map().toString()).isTrue();
    return URLDecoder.decode(handle.group(1), StandardCharsets.UTF_8);
  }

  private Path generate(String document) throws IOException {
    Path spec = Files.writeString(work.resolve("openapi.json"), document);
    Path out = work.resolve("client");
    GlobalSettings.setProperty("apiTests", "false");
    GlobalSettings.setProperty("modelTests", "false");
    GlobalSettings.setProperty("apiDocs", "false");
    GlobalSettings.setProperty("modelDocs", "false");
    try {
      CodegenConfigurator configurator =
          new CodegenConfigurator()
              .setGeneratorName("java")
              .setLibrary("native")
              .setInputSpec(spec.toString())
              .setOutputDir(out.toString())
              .setInvokerPackage("gen")
              .setApiPackage("gen.api")
              .setModelPackage("gen.model")
              .addAdditionalProperty("openApiNullable", false);
      new DefaultGenerator().opts(configurator.toClientOptInput()).generate();
    } finally {
      GlobalSettings.reset();
    }
    return out.resolve("src/main/java");
  }

  /**
   * Compiles the generated sources against this test's class path (Jackson, jsr305). The generator
   * marks every class {@code @javax.annotation.Generated}, which Java 11 removed from the JDK:
   * those lines go.
   */
  private Path compile(Path sources) throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(sources)) {
      walk.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
    }
    for (Path file : files) {
      String text = Files.readString(file);
      Files.writeString(
          file, text.replaceAll("(?m)^\\s*@javax\\.annotation\\.Generated\\(.*\\)\\s*$", ""));
    }
    Path classes = Files.createDirectories(work.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    try (StandardJavaFileManager fileManager =
        javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      boolean compiled =
          javac
              .getTask(
                  diagnostics,
                  fileManager,
                  null,
                  List.of(
                      "-d",
                      classes.toString(),
                      "-classpath",
                      System.getProperty("java.class.path"),
                      "-proc:none",
                      "-nowarn",
                      "-Xlint:none"),
                  null,
                  fileManager.getJavaFileObjectsFromPaths(files))
              .call();
      assertThat(compiled).as(diagnostics.toString()).isTrue();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return classes;
  }

  /** What a programmer writes with the generated client. */
  private static final String EXERCISE =
      """
      package gen;

      import gen.api.ConnectionsApi;
      import gen.model.*;
      import java.util.*;
      import java.util.function.Function;

      public final class Exercise {
        public static List<String> run(String base, String token, String botToken,
            Function<String, String> browser) throws Exception {
          ApiClient client = new ApiClient();
          client.updateBaseUri(base);
          client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
          ConnectionsApi api = new ConnectionsApi(client);
          List<String> seen = new ArrayList<>();
          seen.add("listed " + listed(api));

          Connected bot = api.connect(new ConnectRequest().integrationType(IntegrationType.TELEGRAM).botToken(botToken))
              .getConnected();
          seen.add("connected " + bot.getIntegrationType().getValue() + " as " + bot.getAccount().getDisplayName());

          AuthorizationPending pending = api.connect(new ConnectRequest()
                  .integrationType(IntegrationType.GMAIL).completion(ConnectRequest.CompletionEnum.API))
              .getAuthorizationPending();
          seen.add("pending " + (pending.getOauthUrl().toString().contains("client_id=") ? "gmail" : "?")
              + " " + pending.getCompletion().getValue());
          Completed completed = api.completeAuthorization(
              new CompleteRequest().handle(browser.apply(pending.getOauthUrl().toString())));
          seen.add("completed " + completed.getIntegrationType().getValue());

          seen.add("tested gmail " + api.testConnection(IntegrationType.GMAIL).getSuccess());
          Disconnected gone = api.disconnect(IntegrationType.TELEGRAM);
          seen.add("disconnected " + gone.getIntegrationType().getValue() + " " + gone.getSuccess());
          seen.add("listed " + listed(api));
          try {
            api.testConnection(IntegrationType.TELEGRAM);
            seen.add("no error");
          } catch (ApiException e) {
            seen.add("error " + e.getCode() + " " + new JSON().getMapper().readValue(e.getResponseBody(), gen.model.Error.class).getCode());
          }
          return seen;
        }

        private static String listed(ConnectionsApi api) throws ApiException {
          return api.listIntegrations().stream()
              .filter(i -> List.of("gmail", "google_drive", "telegram").contains(i.getType().getValue()))
              .map(i -> i.getType().getValue() + ":" + i.getStatus().getValue())
              .sorted()
              .reduce((a, b) -> a + ", " + b).orElse("");
        }
      }
      """;
}
