package dev.integrations.http.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.RevocationResult;
import java.time.Instant;
import java.util.List;

/** The JSON answers of the connection routes, shaped like the original service's. */
public final class Replies {
  private Replies() {}

  /** A bot-token connect that succeeded. */
  public record Connected(boolean success, String message, String integrationType, IntegrationEntry.AccountBody account) {}

  /**
   * An OAuth connect: the browser must visit {@code oauthUrl}; {@code completion} says how the consent
   * completes ({@code browser}: in the browser that got the binding cookie; {@code api}: by {@code POST
   * /api/integrations/complete} with the handle the callback hands to the returning browser).
   */
  public record AuthorizationPending(
      String oauthUrl, String state, String message, Instant expiresAt, String completion) {}

  /** A consent completed through {@code POST /api/integrations/complete}. */
  public record Completed(boolean success, String message, String integrationType) {}

  /** A connection test; {@code code} only when it failed. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Tested(boolean success, String message, String integrationType, String code) {}

  /** A disconnect, with what the provider said about revoking the grant. */
  public record Disconnected(boolean success, String message, String integrationType, Revocation revocation) {}

  /**
   * One connection's part of {@code POST /api/integrations/disconnect-all}; {@code code} only when it
   * failed, {@code revocation} only when it succeeded.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record DisconnectedOne(
      String integrationType, boolean success, String message, String code, Revocation revocation) {
    public static DisconnectedOne of(dev.integrations.core.service.DisconnectOutcome outcome) {
      return new DisconnectedOne(
          outcome.type().value(),
          outcome.success(),
          outcome.message(),
          outcome.code() == null ? null : outcome.code().wireName(),
          outcome.revocation() == null ? null : Revocation.of(outcome.revocation()));
    }
  }

  /**
   * What became of the grant at the provider; {@code sharedWith} names the integrations that still use
   * it (then it was kept at the provider).
   */
  public record Revocation(boolean attempted, boolean revoked, String message, List<String> sharedWith) {
    public static Revocation of(RevocationResult result) {
      return new Revocation(
          result.attempted(),
          result.revoked(),
          result.message(),
          result.sharedWith().stream().map(IntegrationType::value).toList());
    }
  }
}
