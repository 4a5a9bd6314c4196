package dev.integrations.providers.telegram.internal;

import okhttp3.Call;
import okhttp3.EventListener;

/**
 * Records whether OkHttp began writing a call's request. A call that failed before that (DNS,
 * connect, TLS) cannot have reached Telegram and is safe to repeat; one that failed after may have
 * been delivered.
 */
final class DeliveryTracker extends EventListener {
  private volatile boolean requestStarted;

  @Override
  public void requestHeadersStart(Call call) {
    requestStarted = true;
  }

  /** Whether any byte of the request may have left this process. */
  boolean mayHaveBeenDelivered() {
    return requestStarted;
  }
}
