package dev.integrations.bootstrap;

import dev.integrations.core.model.ConnectionEvent;
import dev.integrations.core.port.ConnectionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every connection event to the log (user, integration, what happened and why), so operators
 * can follow connections without a host application: failures at WARN, the rest at INFO, refreshes
 * at DEBUG. Events never carry secrets.
 */
final class LoggingConnectionListener implements ConnectionListener {
  private static final Logger LOG = LoggerFactory.getLogger("dev.integrations.events");

  @Override
  public void onEvent(ConnectionEvent event) {
    String kind = event.kind().name().toLowerCase(java.util.Locale.ROOT);
    String reason = event.reason() == null ? "" : " (" + event.reason().wireName() + ")";
    switch (event.kind()) {
      case REAUTHORIZATION_REQUIRED, TEST_FAILED, REFRESH_FAILED ->
          LOG.warn("{} {} for user {}{}", event.type().value(), kind, event.user().value(), reason);
      case REFRESHED ->
          LOG.debug("{} {} for user {}", event.type().value(), kind, event.user().value());
      default ->
          LOG.info("{} {} for user {}{}", event.type().value(), kind, event.user().value(), reason);
    }
  }
}
