package dev.integrations.bootstrap.presentation;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.integrations.core.model.Connection;
import dev.integrations.core.model.Integration;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.RevocationResult;
import dev.integrations.core.model.TestResult;
import dev.integrations.core.service.ConnectResult;
import dev.integrations.core.service.DisconnectResult;
import java.time.Instant;
import java.util.List;

/** The JSON answers of the connection routes, shaped like the original service's. */
public final class Replies {
  /**
   * The {@code status} of a {@link Connected} answer: what tells it apart from {@link
   * AuthorizationPending}.
   */
  public static final String CONNECTED = "connected";

  /** The {@code status} of an {@link AuthorizationPending} answer. */
  public static final String AUTHORIZATION_PENDING = "authorization_pending";

  private Replies() {}

  /**
   * A connect that connected: a bot token accepted (over HTTP), or an OAuth consent completed (by
   * the CLI's browser wait). {@code status} is always {@value #CONNECTED}.
   */
  public record Connected(
      String status,
      boolean success,
      String message,
      String integrationType,
      IntegrationEntry.AccountBody account) {

    /** The answer for {@code connection} of {@code integration}. */
    public static Connected of(Integration integration, Connection connection) {
      return of(
          integration.name(),
          integration.requiresOAuth(),
          integration.type().value(),
          IntegrationEntry.AccountBody.of(connection.account()));
    }

    /**
     * The answer for a connection of the integration named {@code name}, of {@code type}, to {@code
     * account}.
     */
    public static Connected of(
        String name, boolean oauth, String type, IntegrationEntry.AccountBody account) {
      String how = oauth ? " connected successfully" : " bot connected successfully";
      return new Connected(CONNECTED, true, name + how, type, account);
    }
  }

  /**
   * An OAuth connect: the browser must visit {@code oauthUrl}; {@code completion} says how the
   * consent completes ({@code browser}: in the browser that got the binding cookie; {@code api}: by
   * {@code POST /api/integrations/complete} with the handle the callback hands to the returning
   * browser). {@code status} is always {@value #AUTHORIZATION_PENDING}.
   */
  public record AuthorizationPending(
      String status,
      String oauthUrl,
      String state,
      String message,
      Instant expiresAt,
      String completion) {

    public static AuthorizationPending of(ConnectResult.AuthorizationPending pending) {
      return new AuthorizationPending(
          AUTHORIZATION_PENDING,
          pending.authorizationUrl().toString(),
          pending.state().reveal(),
          "Please authorize the application",
          pending.expiresAt(),
          pending.completion().wireName());
    }
  }

  /** A consent completed through {@code POST /api/integrations/complete}. */
  public record Completed(boolean success, String message, String integrationType) {
    public static Completed of(Integration integration) {
      return new Completed(
          true, integration.name() + " connected successfully", integration.type().value());
    }
  }

  /** A connection test; {@code code} only when it failed. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Tested(boolean success, String message, String integrationType, String code) {
    public static Tested of(TestResult result, IntegrationType type) {
      return new Tested(
          result.success(),
          result.message(),
          type.value(),
          result.code() == null ? null : result.code().wireName());
    }
  }

  /** A disconnect, with what the provider said about revoking the grant. */
  public record Disconnected(
      boolean success, String message, String integrationType, Revocation revocation) {
    public static Disconnected of(IntegrationType type, DisconnectResult result) {
      return new Disconnected(
          true,
          type.value() + " disconnected successfully",
          type.value(),
          Revocation.of(result.revocation()));
    }
  }

  /**
   * One connection's part of {@code POST /api/integrations/disconnect-all}; {@code code} only when
   * it failed, {@code revocation} only when it succeeded.
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
   * What became of the grant at the provider; {@code sharedWith} names the integrations that still
   * use it (then it was kept at the provider).
   */
  public record Revocation(
      boolean attempted, boolean revoked, String message, List<String> sharedWith) {
    public static Revocation of(RevocationResult result) {
      return new Revocation(
          result.attempted(),
          result.revoked(),
          result.message(),
          result.sharedWith().stream().map(IntegrationType::value).toList());
    }
  }
}
