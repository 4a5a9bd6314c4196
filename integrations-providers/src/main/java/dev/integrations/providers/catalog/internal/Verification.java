package dev.integrations.providers.catalog.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.integrations.core.error.CredentialsRejectedException;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.ProviderException;
import dev.integrations.core.model.Account;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.TestResult;
import dev.integrations.providers.catalog.ProviderSpec;
import dev.integrations.providers.catalog.ProviderSpec.VerifyCall;
import dev.integrations.providers.oauth2.internal.JsonPaths;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * The catalog's verification call: a cheap request that says whether the provider accepts a token,
 * and whose answer names the account (Slack's {@code auth.test}, Telegram's {@code getMe}, Graph's
 * {@code /me}).
 */
public final class Verification {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Errors that providers answering HTTP 200 with {@code ok: false} give for a token they refuse.
   */
  private static final Set<String> TOKEN_REFUSED =
      Set.of(
          "invalid_auth",
          "not_authed",
          "token_revoked",
          "token_expired",
          "account_inactive",
          "Unauthorized");

  private final String provider;
  private final VerifyCall verify;
  private final ApiClient api;

  /** The verification of {@code spec}, made through {@code api}. */
  public Verification(ProviderSpec spec, ApiClient api) {
    this.provider = spec.name();
    this.verify = spec.verify();
    this.api = api;
  }

  /**
   * Verifies {@code token}.
   *
   * @return passed with the account, or failed when the provider said no for another reason than
   *     the token
   * @throws CredentialsRejectedException when the provider refuses the token
   * @throws ProviderException when it fails or cannot be reached
   */
  public TestResult verify(Secret token) {
    return verify(token, verify.path());
  }

  /**
   * Verifies {@code token} at {@code path}: the entry's verification path with the connection's
   * values filled in ({@code /{phone_number_id}}).
   *
   * @see #verify(Secret)
   */
  public TestResult verify(Secret token, String path) {
    boolean post = verify.method().equals("POST");
    ApiClient.Answer answer =
        api.call(verify.method(), path, token, Map.of(), post ? new byte[0] : null, null, true);
    if (answer.status() == 429) {
      throw new ProviderException(
          ErrorCode.RATE_LIMITED, provider + " is rate limiting; try again shortly.");
    }
    if (answer.status() >= 500) {
      throw new ProviderException(
          ErrorCode.PROVIDER_ERROR, provider + " failed (HTTP " + answer.status() + ").");
    }
    if (!answer.ok()) {
      return TestResult.failed(
          ErrorCode.PROVIDER_REJECTED,
          provider
              + " refused the check (HTTP "
              + answer.status()
              + "): the connection may lack a permission.");
    }
    JsonNode body = parse(answer.text());
    if (verify.success() != null && !JsonPaths.at(body, verify.success()).asBoolean(false)) {
      String error = JsonPaths.text(body, "error");
      if (error != null && TOKEN_REFUSED.contains(error)) {
        throw new CredentialsRejectedException(
            provider + " refused the credentials (" + error + ").");
      }
      return TestResult.failed(
          ErrorCode.PROVIDER_REJECTED,
          provider + " said no" + (error == null ? "." : ": " + error + "."));
    }
    Account account = account(body);
    return TestResult.passed(
        "Connected to " + provider + (account == null ? "." : " as " + account.displayName() + "."),
        account);
  }

  private Account account(JsonNode body) {
    String id = JsonPaths.text(body, verify.accountId());
    String name = JsonPaths.text(body, verify.accountName());
    if (id == null && name == null) {
      return null;
    }
    return new Account(id != null ? id : name, name != null ? name : id);
  }

  private static JsonNode parse(String text) {
    try {
      JsonNode node = JSON.readTree(text);
      return node == null ? JSON.createObjectNode() : node;
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }
}
