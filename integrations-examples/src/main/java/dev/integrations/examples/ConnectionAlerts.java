package dev.integrations.examples;

import dev.integrations.core.model.ConnectionEvent;
import dev.integrations.core.model.UserId;
import dev.integrations.core.port.ConnectionListener;

/**
 * Tells users when a connection needs them, through the application's own notification channel. A
 * listener runs on the thread that caused the event, after the change was stored: keep it quick, or
 * hand the event to a queue.
 */
// tag::listener[]
public final class ConnectionAlerts implements ConnectionListener {
  /** Your application's way of telling a user something (e-mail, in-app banner, push). */
  public interface Notifier {
    void tell(UserId user, String text);
  }

  private final Notifier notifier;

  public ConnectionAlerts(Notifier notifier) {
    this.notifier = notifier;
  }

  @Override
  public void onEvent(ConnectionEvent event) {
    switch (event.kind()) {
      case CONNECTED -> notifier.tell(event.user(), event.type() + " is connected.");
      case REAUTHORIZATION_REQUIRED, TEST_FAILED ->
          notifier.tell(
              event.user(), event.type() + " needs your attention (" + event.reason() + ").");
      case DISCONNECTED -> notifier.tell(event.user(), event.type() + " was disconnected.");
      case REFRESHED -> {} // a token was renewed: nothing to tell
    }
  }
}
// end::listener[]
