package dev.integrations.providers.catalog;

import dev.integrations.core.error.CredentialsRejectedException;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.InvalidRequestException;
import dev.integrations.core.model.Account;
import dev.integrations.core.model.AuthMethod;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.Integration;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.ProxyRequest;
import dev.integrations.core.model.ProxyResponse;
import dev.integrations.core.model.RevocationResult;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.TestResult;
import dev.integrations.core.model.TokenConnection;
import dev.integrations.core.port.BotTokenProviderPort;
import dev.integrations.core.port.ProxyPort;
import dev.integrations.providers.catalog.internal.ApiClient;
import dev.integrations.providers.catalog.internal.ConfiguredToken;
import dev.integrations.providers.catalog.internal.Verification;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import okhttp3.OkHttpClient;

/**
 * Any bot-token or API-key provider of the catalog: the token (with the connection's values, when
 * the entry's {@code connection_config} asks for some) is checked with the entry's verification
 * call before anything is stored, tested the same way, and used by the proxy. Such tokens are
 * revoked at the provider by their owner (Discord's developer portal, BotFather); disconnect
 * forgets them here.
 *
 * <p>Immutable and thread-safe.
 */
final class CatalogTokenProvider implements BotTokenProviderPort, ProxyPort {
  private static final int MAX_TOKEN_LENGTH = 4096;

  private final ProviderSpec spec;
  private final Integration integration;
  private final ApiClient api;
  private final Verification verification;
  private final ProxyPort proxy;

  CatalogTokenProvider(ProviderSpec spec, OkHttpClient http) {
    this.spec = spec;
    this.integration =
        new Integration(
            IntegrationType.of(spec.key()),
            spec.name(),
            spec.description(),
            spec.icon(),
            AuthMethod.BOT_TOKEN,
            Set.of(),
            spec.credentialsGroup());
    this.api = new ApiClient(spec, http);
    this.verification = new Verification(spec, api);
    this.proxy = new CatalogProxy(spec, http);
  }

  @Override
  public Integration integration() {
    return integration;
  }

  @Override
  public Account validate(Secret token) {
    if (!spec.connectionConfig().isEmpty()) {
      throw new InvalidRequestException(
          ErrorCode.INVALID_REQUEST,
          spec.name()
              + " needs its connection values"
              + " with the token: "
              + new TreeSet<>(spec.connectionConfig().keySet())
              + ".");
    }
    checkShape(token);
    TestResult result;
    try {
      result = verification.verify(token);
    } catch (CredentialsRejectedException e) {
      throw new InvalidRequestException(
          ErrorCode.INVALID_CREDENTIALS, spec.name() + " refused this token.");
    }
    if (!result.success()) {
      throw new InvalidRequestException(ErrorCode.INVALID_CREDENTIALS, result.message());
    }
    return result.account() != null ? result.account() : new Account(spec.key(), spec.name());
  }

  /**
   * Checks the token and the connection's values the entry asks for ({@code connection_config}:
   * each required one present, none unknown, each a plain identifier), verifies them together (the
   * verification path may name the values, {@code /{phone_number_id}}), and returns the credentials
   * to store: the token alone, or sealed with the values when the entry asks for some.
   */
  @Override
  public TokenConnection validate(Secret token, Map<String, String> config) {
    if (spec.connectionConfig().isEmpty()) {
      return BotTokenProviderPort.super.validate(token, config);
    }
    ConfiguredToken configured = new ConfiguredToken(token, checked(config));
    return new TokenConnection(
        validated(token, configured), Credentials.ofToken(configured.seal()));
  }

  @Override
  public String tokenField() {
    return spec.auth() == AuthKind.API_KEY ? "api_key" : "bot_token";
  }

  @Override
  public TestResult test(Credentials credentials) {
    if (spec.connectionConfig().isEmpty()) {
      return verification.verify(credentials.accessToken());
    }
    ConfiguredToken configured = ConfiguredToken.open(credentials.accessToken(), spec.name());
    return verification.verify(configured.token(), configured.fill(spec.verify().path()));
  }

  private Map<String, String> checked(Map<String, String> config) {
    Map<String, String> values = new TreeMap<>();
    for (Map.Entry<String, String> value : config.entrySet()) {
      if (!spec.connectionConfig().containsKey(value.getKey())) {
        throw new InvalidRequestException(
            ErrorCode.INVALID_REQUEST,
            spec.name()
                + " takes no connection value '"
                + value.getKey()
                + "'; it takes "
                + new TreeSet<>(spec.connectionConfig().keySet())
                + ".");
      }
      String text = value.getValue() == null ? "" : value.getValue().strip();
      if (!text.isEmpty() && !text.matches("[A-Za-z0-9._-]{1,128}")) {
        throw new InvalidRequestException(
            ErrorCode.INVALID_REQUEST,
            "config." + value.getKey() + " must be up to 128 letters, digits, '.', '_' or '-'.");
      }
      if (!text.isEmpty()) {
        values.put(value.getKey(), text);
      }
    }
    spec.connectionConfig()
        .forEach(
            (name, field) -> {
              if (field.required() && !values.containsKey(name)) {
                throw new InvalidRequestException(
                    ErrorCode.INVALID_REQUEST,
                    "config."
                        + name
                        + " is required for "
                        + spec.name()
                        + " ("
                        + field.description()
                        + ").");
              }
            });
    return values;
  }

  private Account validated(Secret token, ConfiguredToken configured) {
    checkShape(token);
    TestResult result;
    try {
      result = verification.verify(token, configured.fill(spec.verify().path()));
    } catch (CredentialsRejectedException e) {
      throw new InvalidRequestException(
          ErrorCode.INVALID_CREDENTIALS, spec.name() + " refused this token.");
    }
    if (!result.success()) {
      throw new InvalidRequestException(ErrorCode.INVALID_CREDENTIALS, result.message());
    }
    return result.account() != null ? result.account() : new Account(spec.key(), spec.name());
  }

  private void checkShape(Secret token) {
    String value = token.reveal();
    if (value.isBlank()
        || value.length() > MAX_TOKEN_LENGTH
        || value.chars().anyMatch(c -> c <= ' ' || c == 127)) {
      throw new InvalidRequestException(
          ErrorCode.INVALID_CREDENTIALS,
          "This does not look like a "
              + spec.name()
              + " token: no spaces or control characters, at most "
              + MAX_TOKEN_LENGTH
              + " characters.");
    }
  }

  @Override
  public RevocationResult revoke(Credentials credentials) {
    return new RevocationResult(
        false,
        false,
        spec.name()
            + " tokens are revoked by their owner at "
            + spec.name()
            + "; this one was forgotten here.");
  }

  /**
   * Calls the provider's API with the token (unsealed from the connection's values, when it has
   * some).
   */
  @Override
  public ProxyResponse call(Credentials credentials, ProxyRequest request) {
    if (spec.connectionConfig().isEmpty()) {
      return proxy.call(credentials, request);
    }
    return proxy.call(
        Credentials.ofToken(ConfiguredToken.open(credentials.accessToken(), spec.name()).token()),
        request);
  }
}
