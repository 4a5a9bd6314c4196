package dev.integrations.bootstrap.presentation;

/**
 * The body of {@code POST /api/integrations/complete}.
 *
 * @param handle the one-time completion handle the callback handed to the returning browser (in the
 *     frontend redirect's {@code handle} parameter); not the state
 */
public record CompleteRequest(String handle) {
  @Override
  public String toString() {
    return "CompleteRequest[handle=" + (handle == null ? "none" : "***") + "]";
  }
}
