package dev.integrations.cli;

import dev.integrations.core.model.Account;
import dev.integrations.core.model.Connection;
import dev.integrations.core.model.ConnectionHealth;
import dev.integrations.core.model.ConnectionUsage;
import dev.integrations.core.model.Integration;
import dev.integrations.core.model.IntegrationStatus;
import dev.integrations.core.model.MailSummary;
import dev.integrations.core.model.RemoteFile;
import dev.integrations.core.model.RevocationResult;
import dev.integrations.core.model.TestResult;
import dev.integrations.core.model.UsageCount;
import dev.integrations.core.service.DisconnectOutcome;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON shapes of the CLI's results: snake_case, the same field names as the HTTP API, every field
 * present (null when unknown) so that scripts can rely on the shape.
 */
final class Json {
  private Json() {}

  static Map<String, Object> status(IntegrationStatus status) {
    Integration integration = status.integration();
    Connection connection = status.connection();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", integration.type().value());
    json.put("name", integration.name());
    json.put("description", integration.description());
    json.put("icon", integration.icon());
    json.put("requires_oauth", integration.requiresOAuth());
    json.put("status", connection.status().wireName());
    json.put("account", account(connection.account()));
    json.put("connected_at", Format.iso(connection.connectedAt()));
    json.put("last_sync", Format.iso(connection.lastSync()));
    json.put("last_error", connection.lastError() == null ? null : connection.lastError().wireName());
    json.put("last_error_message", connection.lastErrorMessage());
    json.put("health", health(status.health()));
    json.put("usage_24h", count(status.usage24h()));
    return json;
  }

  /** A connection's health, as in the HTTP API's list; null when there is none. */
  static Map<String, Object> health(ConnectionHealth health) {
    if (health == null) {
      return null;
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("state", health.state().wireName());
    json.put("failure_count", health.failureCount());
    json.put("first_failure", Format.iso(health.firstFailure()));
    json.put("last_success", Format.iso(health.lastSuccess()));
    json.put("last_failure", Format.iso(health.lastFailure()));
    json.put("last_error", health.lastError() == null ? null : health.lastError().wireName());
    json.put("last_error_message", health.lastErrorMessage());
    json.put("next_check", Format.iso(health.nextCheck()));
    return json;
  }

  static Map<String, Object> count(UsageCount count) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("calls", count.calls());
    json.put("failures", count.failures());
    return json;
  }

  /** A connection's usage, as {@code GET /api/integrations/{type}/usage} answers it. */
  static Map<String, Object> usage(ConnectionUsage usage) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("integration_type", usage.type().value());
    json.put("days", usage.days().stream().map(d -> {
      Map<String, Object> day = new LinkedHashMap<>();
      day.put("date", d.date().toString());
      day.putAll(count(d.count()));
      return day;
    }).toList());
    json.put("actions", usage.actions().stream().map(a -> {
      Map<String, Object> action = new LinkedHashMap<>();
      action.put("action", a.action());
      action.putAll(count(a.count()));
      action.put("last_use", Format.iso(a.lastUse()));
      return action;
    }).toList());
    json.put("usage_24h", count(usage.last24Hours()));
    return json;
  }

  static Map<String, Object> outcome(boolean success, String message, Integration integration) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("success", success);
    json.put("message", message);
    json.put("integration_type", integration.type().value());
    return json;
  }

  static Map<String, Object> test(TestResult result, Integration integration) {
    Map<String, Object> json = outcome(result.success(), result.message(), integration);
    json.put("code", result.code() == null ? null : result.code().wireName());
    json.put("account", account(result.account()));
    return json;
  }

  static Map<String, Object> revocation(RevocationResult revocation) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("attempted", revocation.attempted());
    json.put("revoked", revocation.revoked());
    json.put("message", revocation.message());
    json.put("shared_with", revocation.sharedWith().stream().map(t -> t.value()).toList());
    return json;
  }

  static Map<String, Object> disconnected(DisconnectOutcome outcome) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("integration_type", outcome.type().value());
    json.put("success", outcome.success());
    json.put("message", outcome.message());
    json.put("code", outcome.code() == null ? null : outcome.code().wireName());
    json.put("revocation", outcome.revocation() == null ? null : revocation(outcome.revocation()));
    return json;
  }

  static Map<String, Object> mail(MailSummary mail) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", mail.id());
    json.put("thread_id", mail.threadId());
    json.put("from", mail.from());
    json.put("subject", mail.subject());
    json.put("snippet", mail.snippet());
    json.put("date", Format.iso(mail.date()));
    return json;
  }

  static Map<String, Object> file(RemoteFile file) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", file.id());
    json.put("name", file.name());
    json.put("mime_type", file.mimeType());
    json.put("size", file.size());
    json.put("modified_time", Format.iso(file.modifiedTime()));
    return json;
  }

  static Map<String, Object> of(String key, Object value) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put(key, value);
    return json;
  }

  private static String account(Account account) {
    return account == null ? null : account.displayName();
  }
}
