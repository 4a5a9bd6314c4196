package dev.integrations.bootstrap.presentation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.integrations.core.error.InvalidRequestException;
import java.io.IOException;
import java.util.stream.Collectors;

/**
 * The server's one JSON configuration (snake_case, ISO-8601 instants, nulls kept) and the reading
 * of request bodies into records, where every way a body can be wrong becomes an {@link
 * InvalidRequestException} with a sentence naming the field.
 *
 * <p>Thread-safe.
 */
public final class JsonMapping {
  private static final int MAX_NESTING_DEPTH = 32;

  private final ObjectMapper mapper;

  public JsonMapping() {
    JsonMapper built =
        JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            .build();
    built
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build());
    this.mapper = built;
  }

  /** The configured mapper, for Javalin's {@code ctx.json}. */
  public ObjectMapper mapper() {
    return mapper;
  }

  /**
   * Reads {@code body} as a {@code type}.
   *
   * @throws InvalidRequestException when it is empty, not JSON, or does not fit the type
   */
  public <T> T read(byte[] body, Class<T> type) {
    if (body.length == 0) {
      throw new InvalidRequestException("A JSON object body is required.");
    }
    try {
      T value = mapper.readValue(body, type);
      if (value == null) {
        throw new InvalidRequestException("A JSON object body is required, not null.");
      }
      return value;
    } catch (InvalidFormatException e) {
      throw new InvalidRequestException(
          "Field '"
              + path(e)
              + "' has a value of the wrong type: expected "
              + simpleName(e.getTargetType())
              + ".");
    } catch (MismatchedInputException e) {
      String field = path(e);
      if (field.isEmpty()) {
        throw new InvalidRequestException("The request body must be a JSON object.");
      }
      throw new InvalidRequestException(
          "Field '"
              + field
              + "' has a value of the wrong type: expected "
              + simpleName(e.getTargetType())
              + ".");
    } catch (JsonMappingException e) {
      // A record's compact constructor refused the value: its message is meant for the caller.
      if (e.getCause() instanceof InvalidRequestException refused) {
        throw refused;
      }
      throw new InvalidRequestException(
          "The request body does not fit this route" + where(e) + ".");
    } catch (JsonProcessingException e) {
      throw new InvalidRequestException("The request body is not valid JSON" + where(e) + ".");
    } catch (IOException e) {
      throw new InvalidRequestException("The request body could not be read.");
    }
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  private static String simpleName(Class<?> type) {
    if (type == null) {
      return "another type";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "a number";
    }
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list";
    }
    return "an object";
  }

  /** Where the body went wrong; never the offending text, which may be a secret. */
  private static String where(JsonProcessingException e) {
    if (e.getLocation() == null || e.getLocation().getLineNr() < 1) {
      return "";
    }
    return " (line "
        + e.getLocation().getLineNr()
        + ", column "
        + e.getLocation().getColumnNr()
        + ")";
  }
}
