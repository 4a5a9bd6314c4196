package dev.integrations.http;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The server's own {@code /openapi.json}, held against every answer the tests receive (through
 * {@link TestServer} and {@link Browser}): status, content type, headers and body must be what the
 * document says, by Atlassian's OpenAPI validator. Requests the tests send on purpose to routes
 * that do not exist are the only ones not checked (their 404 and 405 are the document's silence).
 */
final class ApiDocument {
  private static final Map<String, OpenApiInteractionValidator> VALIDATORS =
      new ConcurrentHashMap<>();

  private final OpenApiInteractionValidator validator;

  private ApiDocument(OpenApiInteractionValidator validator) {
    this.validator = validator;
  }

  /** The validator of {@code document} (built once per distinct document: it takes a while). */
  static ApiDocument of(String document) {
    return new ApiDocument(
        VALIDATORS.computeIfAbsent(
            document,
            text ->
                OpenApiInteractionValidator.createForInlineApiSpecification(text)
                    .withLevelResolver(
                        LevelResolver.create()
                            .withLevel(
                                "validation.request.path.missing", ValidationReport.Level.IGNORE)
                            .withLevel(
                                "validation.request.operation.notAllowed",
                                ValidationReport.Level.IGNORE)
                            .build())
                    .build()));
  }

  /**
   * Fails the test when {@code response} to {@code request} is not what the document describes.
   *
   * @throws AssertionError naming every difference
   */
  void check(HttpRequest request, HttpResponse<String> response) {
    SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.statusCode());
    response.headers().map().forEach((name, values) -> answer.withHeader(name, values));
    if (response.body() != null && !response.body().isEmpty()) {
      answer.withBody(response.body());
    }
    ValidationReport report =
        validator.validateResponse(
            request.uri().getRawPath(), Request.Method.valueOf(request.method()), answer.build());
    if (report.hasErrors()) {
      throw new AssertionError(
          "The answer to "
              + request.method()
              + " "
              + request.uri().getRawPath()
              + " ("
              + response.statusCode()
              + ") is not what /openapi.json says:\n"
              + report.getMessages().stream()
                  .map(m -> "  " + m.getKey() + ": " + m.getMessage())
                  .collect(Collectors.joining("\n"))
              + "\nbody: "
              + abbreviated(response.body()));
    }
  }

  private static String abbreviated(String body) {
    return body == null || body.length() <= 2000
        ? String.valueOf(body)
        : body.substring(0, 2000) + "…";
  }
}
