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
import dev.integrations.core.port.BotTokenProviderPort;
import dev.integrations.core.port.ProxyPort;
import dev.integrations.providers.catalog.internal.ApiClient;
import dev.integrations.providers.catalog.internal.Verification;
import java.util.Set;
import okhttp3.OkHttpClient;

/**
 * Any bot-token or API-key provider of the catalog: the token is checked with the entry's verification
 * call before anything is stored, tested the same way, and used by the proxy. Such tokens are revoked
 * at the provider by their owner (Discord's developer portal, BotFather); disconnect forgets them here.
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
    this.integration = new Integration(IntegrationType.of(spec.key()), spec.name(), spec.description(),
        spec.icon(), AuthMethod.BOT_TOKEN, Set.of(), spec.credentialsGroup());
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
    String value = token.reveal();
    if (value.isBlank() || value.length() > MAX_TOKEN_LENGTH || value.chars().anyMatch(c -> c <= ' ' || c == 127)) {
      throw new InvalidRequestException(ErrorCode.INVALID_CREDENTIALS,
          "This does not look like a " + spec.name() + " token: no spaces or control characters, at most "
              + MAX_TOKEN_LENGTH + " characters.");
    }
    TestResult result;
    try {
      result = verification.verify(token);
    } catch (CredentialsRejectedException e) {
      throw new InvalidRequestException(ErrorCode.INVALID_CREDENTIALS, spec.name() + " refused this token.");
    }
    if (!result.success()) {
      throw new InvalidRequestException(ErrorCode.INVALID_CREDENTIALS, result.message());
    }
    return result.account() != null ? result.account() : new Account(spec.key(), spec.name());
  }

  @Override
  public TestResult test(Credentials credentials) {
    return verification.verify(credentials.accessToken());
  }

  @Override
  public RevocationResult revoke(Credentials credentials) {
    return new RevocationResult(false, false, spec.name() + " tokens are revoked by their owner at " + spec.name()
        + "; this one was forgotten here.");
  }

  @Override
  public ProxyResponse call(Credentials credentials, ProxyRequest request) {
    return proxy.call(credentials, request);
  }
}
