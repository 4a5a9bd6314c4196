package dev.integrations.providers.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.providers.HttpUrls;
import dev.integrations.providers.catalog.ProviderSpec.ApiSettings;
import dev.integrations.providers.catalog.ProviderSpec.ClientAuth;
import dev.integrations.providers.catalog.ProviderSpec.ConfigField;
import dev.integrations.providers.catalog.ProviderSpec.OAuthSettings;
import dev.integrations.providers.catalog.ProviderSpec.RequestFormat;
import dev.integrations.providers.catalog.ProviderSpec.RevocationStyle;
import dev.integrations.providers.catalog.ProviderSpec.TokenResponsePaths;
import dev.integrations.providers.catalog.ProviderSpec.VerifyCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates one catalog entry into a {@link ProviderSpec}; every message names the file, entry and
 * field.
 */
final class EntryReader {
  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,63}");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_][a-z0-9_]*)}");
  private static final Set<String> FIELDS =
      Set.of(
          "name",
          "description",
          "icon",
          "auth",
          "credentials",
          "authorization_url",
          "token_url",
          "revocation_url",
          "revocation_style",
          "pkce",
          "client_auth",
          "token_request_format",
          "scope_separator",
          "scope_param",
          "scopes",
          "optional_scopes",
          "authorization_params",
          "token_params",
          "url_params",
          "token_response",
          "credential",
          "base_url",
          "content_url",
          "api_headers",
          "verify",
          "capabilities",
          "connection_config");
  private static final Set<String> OAUTH_ONLY =
      Set.of(
          "authorization_url",
          "token_url",
          "revocation_url",
          "revocation_style",
          "pkce",
          "client_auth",
          "token_request_format",
          "scope_separator",
          "scope_param",
          "scopes",
          "optional_scopes",
          "authorization_params",
          "token_params",
          "token_response");
  private static final Set<String> CAPABILITIES = Set.of("mail", "files", "messages");

  private final String source;
  private final String key;
  private final JsonNode entry;

  EntryReader(String source, String key, JsonNode entry) {
    this.source = source;
    this.key = key;
    this.entry = entry;
  }

  ProviderSpec read() {
    if (!KEY.matcher(key).matches()) {
      throw new CatalogException(
          source
              + ": provider '"
              + key
              + "': a key is lower_snake_case: a lower-case"
              + " letter, then up to 63 lower-case letters, digits or underscores.");
    }
    if (entry == null || !entry.isObject()) {
      throw fail(null, "an entry is a mapping of fields");
    }
    entry
        .fieldNames()
        .forEachRemaining(
            field -> {
              if (!FIELDS.contains(field)) {
                throw fail(
                    field,
                    "unknown field (known fields: "
                        + String.join(", ", new TreeSet<>(FIELDS))
                        + ")");
              }
            });
    AuthKind auth =
        AuthKind.of(requiredText("auth"))
            .orElseThrow(() -> fail("auth", "must be one of oauth2, bot_token, api_key"));
    if (auth != AuthKind.OAUTH2) {
      for (String field : OAUTH_ONLY) {
        if (entry.has(field)) {
          throw fail(field, "applies to auth: oauth2 only");
        }
      }
    }
    Map<String, String> urlParams = textMap("url_params");
    OAuthSettings oauth = auth == AuthKind.OAUTH2 ? oauth(urlParams) : null;
    return new ProviderSpec(
        key,
        requiredText("name"),
        requiredText("description"),
        optionalText("icon", "plug"),
        auth,
        identifier("credentials", key),
        oauth,
        api(urlParams),
        verify(),
        capabilities(),
        connectionConfig());
  }

  private OAuthSettings oauth(Map<String, String> urlParams) {
    String revocation = optionalText("revocation_url", null);
    return new OAuthSettings(
        url("authorization_url", requiredText("authorization_url"), urlParams),
        url("token_url", requiredText("token_url"), urlParams),
        revocation == null ? null : url("revocation_url", revocation, urlParams),
        choice("revocation_style", RevocationStyle.class, RevocationStyle.RFC7009),
        bool("pkce", true),
        choice("client_auth", ClientAuth.class, ClientAuth.BODY),
        choice("token_request_format", RequestFormat.class, RequestFormat.FORM),
        scopeSeparator(),
        optionalText("scope_param", "scope"),
        textList("scopes"),
        textList("optional_scopes"),
        textMap("authorization_params"),
        textMap("token_params"),
        urlParams,
        tokenResponse());
  }

  private ApiSettings api(Map<String, String> urlParams) {
    String in = "header";
    String name = "Authorization";
    String format = "Bearer {token}";
    JsonNode credential = entry.get("credential");
    if (credential != null) {
      requireObject("credential", credential, Set.of("in", "name", "format"));
      in = credential.has("in") ? credential.get("in").asText() : in;
      if (!Set.of("header", "query", "path").contains(in)) {
        throw fail("credential.in", "must be header, query or path");
      }
      name =
          credential.has("name")
              ? credential.get("name").asText()
              : (in.equals("path") ? null : name);
      format = credential.has("format") ? credential.get("format").asText() : format;
      if (!in.equals("path") && (name == null || name.isBlank())) {
        throw fail("credential.name", "names the header or query parameter that carries the token");
      }
      if (!format.contains("{token}")) {
        throw fail("credential.format", "must contain {token} where the token goes");
      }
    }
    String content = optionalText("content_url", null);
    return new ApiSettings(
        url("base_url", requiredText("base_url"), urlParams),
        in,
        name,
        format,
        textMap("api_headers"),
        content == null ? null : url("content_url", content, urlParams));
  }

  private VerifyCall verify() {
    JsonNode verify = entry.get("verify");
    if (verify == null) {
      throw fail(
          "verify",
          "is required: the call that tests a connection (method, path, and the answer's"
              + " success and account fields)");
    }
    requireObject(
        "verify", verify, Set.of("method", "path", "success", "account_id", "account_name"));
    String method = verify.path("method").asText("GET").toUpperCase(Locale.ROOT);
    if (!method.equals("GET") && !method.equals("POST")) {
      throw fail("verify.method", "must be GET or POST");
    }
    String path = verify.path("path").asText("");
    if (!path.startsWith("/")) {
      throw fail("verify.path", "is required and starts with / (below base_url)");
    }
    return new VerifyCall(
        method,
        path,
        nullableText(verify, "success"),
        nullableText(verify, "account_id"),
        nullableText(verify, "account_name"));
  }

  private TokenResponsePaths tokenResponse() {
    JsonNode paths = entry.get("token_response");
    if (paths == null) {
      return TokenResponsePaths.STANDARD;
    }
    requireObject(
        "token_response", paths, Set.of("access_token", "refresh_token", "expires_in", "scope"));
    TokenResponsePaths standard = TokenResponsePaths.STANDARD;
    return new TokenResponsePaths(
        paths.path("access_token").asText(standard.accessToken()),
        paths.path("refresh_token").asText(standard.refreshToken()),
        paths.path("expires_in").asText(standard.expiresIn()),
        paths.path("scope").asText(standard.scope()));
  }

  private Set<String> capabilities() {
    Set<String> capabilities = new LinkedHashSet<>();
    for (String capability : textList("capabilities")) {
      if (!CAPABILITIES.contains(capability)) {
        throw fail(
            "capabilities", "'" + capability + "' is not a capability (mail, files, messages)");
      }
      capabilities.add(capability);
    }
    return capabilities;
  }

  private Map<String, ConfigField> connectionConfig() {
    JsonNode config = entry.get("connection_config");
    Map<String, ConfigField> fields = new LinkedHashMap<>();
    if (config == null) {
      return fields;
    }
    if (!config.isObject()) {
      throw fail(
          "connection_config", "must be a mapping of value names to {required, description}");
    }
    config
        .fields()
        .forEachRemaining(
            field -> {
              String where = "connection_config." + field.getKey();
              if (!KEY.matcher(field.getKey()).matches()) {
                throw fail(where, "a value name is lower_snake_case");
              }
              JsonNode value =
                  field.getValue() == null || field.getValue().isNull() ? null : field.getValue();
              if (value != null) {
                requireObject(where, value, Set.of("required", "description"));
              }
              fields.put(
                  field.getKey(),
                  new ConfigField(
                      value != null && value.path("required").asBoolean(false),
                      value == null
                          ? field.getKey()
                          : value.path("description").asText(field.getKey())));
            });
    return fields;
  }

  private String scopeSeparator() {
    JsonNode separator = entry.get("scope_separator");
    if (separator == null) {
      return " ";
    }
    if (!separator.isTextual() || separator.asText().isEmpty()) {
      throw fail("scope_separator", "must be a non-empty string such as \" \" or \",\"");
    }
    return separator.asText();
  }

  private String url(String field, String value, Map<String, String> urlParams) {
    Matcher placeholders = PLACEHOLDER.matcher(value);
    while (placeholders.find()) {
      if (!urlParams.containsKey(placeholders.group(1))) {
        throw fail(field, "uses {" + placeholders.group(1) + "}, which url_params does not define");
      }
    }
    if (HttpUrls.parse(placeholders.replaceAll("x")).isPresent()) {
      return value;
    }
    throw fail(field, "must be an http(s) URL, not '" + value + "'");
  }

  private String identifier(String field, String fallback) {
    String value = optionalText(field, fallback);
    if (!KEY.matcher(value).matches()) {
      throw fail(
          field,
          "is lower_snake_case (it names the "
              + value.toUpperCase(Locale.ROOT)
              + "_CLIENT_ID / _CLIENT_SECRET settings)");
    }
    return value;
  }

  private <E extends Enum<E>> E choice(String field, Class<E> type, E fallback) {
    String value = optionalText(field, null);
    if (value == null) {
      return fallback;
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(value)) {
        return constant;
      }
    }
    List<String> names = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      names.add(constant.name().toLowerCase(Locale.ROOT));
    }
    throw fail(field, "must be one of " + String.join(", ", names));
  }

  private boolean bool(String field, boolean fallback) {
    JsonNode value = entry.get(field);
    if (value == null) {
      return fallback;
    }
    if (!value.isBoolean()) {
      throw fail(field, "must be true or false");
    }
    return value.asBoolean();
  }

  private String requiredText(String field) {
    String value = optionalText(field, null);
    if (value == null) {
      throw fail(field, "is required");
    }
    return value;
  }

  private String optionalText(String field, String fallback) {
    JsonNode value = entry.get(field);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      throw fail(field, "must be a non-empty string");
    }
    return value.asText().strip();
  }

  private List<String> textList(String field) {
    JsonNode value = entry.get(field);
    List<String> list = new ArrayList<>();
    if (value == null || value.isNull()) {
      return list;
    }
    if (!value.isArray()) {
      throw fail(field, "must be a list of strings");
    }
    for (JsonNode item : value) {
      if (!item.isTextual() || item.asText().isBlank()) {
        throw fail(field, "must be a list of non-empty strings");
      }
      list.add(item.asText().strip());
    }
    return list;
  }

  private Map<String, String> textMap(String field) {
    JsonNode value = entry.get(field);
    Map<String, String> map = new LinkedHashMap<>();
    if (value == null || value.isNull()) {
      return map;
    }
    if (!value.isObject()) {
      throw fail(field, "must be a mapping of names to strings");
    }
    value
        .fields()
        .forEachRemaining(
            item -> {
              if (!item.getValue().isValueNode() || item.getValue().isNull()) {
                throw fail(field + "." + item.getKey(), "must be a string");
              }
              map.put(item.getKey(), item.getValue().asText());
            });
    return map;
  }

  private void requireObject(String field, JsonNode value, Set<String> known) {
    if (!value.isObject()) {
      throw fail(field, "must be a mapping");
    }
    value
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (!known.contains(name)) {
                throw fail(
                    field + "." + name,
                    "unknown field (known: " + String.join(", ", new TreeSet<>(known)) + ")");
              }
            });
  }

  private static String nullableText(JsonNode parent, String field) {
    JsonNode value = parent.get(field);
    return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
  }

  private CatalogException fail(String field, String problem) {
    return new CatalogException(
        source
            + ": provider '"
            + key
            + "'"
            + (field == null ? "" : ", field '" + field + "'")
            + ": "
            + problem
            + ".");
  }
}
