package dev.integrations.bootstrap;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * A stand-in OAuth token endpoint that rotates refresh tokens and detects their reuse as RFC 9700
 * section 4.14.2 recommends: each refresh answers a new refresh token and retires the one used, and
 * a retired refresh token presented again ends the whole grant (every later refresh is {@code
 * invalid_grant}). The first refresh is held until {@link #callersArrived} opens. Thread-safe.
 */
final class RotatingTokenEndpoint extends Dispatcher {
  /** Refresh requests received, accepted or not. */
  final AtomicInteger refreshes = new AtomicInteger();

  /** Opened by the test once every caller has arrived; the first refresh answers only then. */
  final CountDownLatch callersArrived;

  private final Set<String> retired = new HashSet<>();
  private String current;
  private int issued;
  private boolean grantRevoked;

  RotatingTokenEndpoint(String firstRefreshToken, int callers) {
    this.current = firstRefreshToken;
    this.callersArrived = new CountDownLatch(callers);
  }

  /** Whether a reused refresh token made the endpoint revoke the grant. */
  synchronized boolean grantRevoked() {
    return grantRevoked;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
    HttpUrl form =
        HttpUrl.get("http://form/?" + (request.getBody() == null ? "" : request.getBody().utf8()));
    if (!"refresh_token".equals(form.queryParameter("grant_type"))) {
      return answer(400, "{\"error\":\"unsupported_grant_type\"}");
    }
    refreshes.incrementAndGet();
    String presented = form.queryParameter("refresh_token");
    int number;
    String next;
    synchronized (this) {
      if (retired.contains(presented)) {
        grantRevoked = true;
      }
      if (grantRevoked || !presented.equals(current)) {
        return answer(
            400,
            "{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}");
      }
      retired.add(presented);
      number = ++issued;
      next = "refresh-" + (number + 1);
      current = next;
    }
    if (number == 1 && !callersArrived.await(60, TimeUnit.SECONDS)) {
      throw new AssertionError("not every caller arrived");
    }
    return answer(
        200,
        "{\"access_token\":\"fresh-"
            + number
            + "\",\"expires_in\":3599,"
            + "\"refresh_token\":\""
            + next
            + "\",\"token_type\":\"Bearer\"}");
  }

  private static MockResponse answer(int code, String json) {
    return new MockResponse(
        code, Headers.of("Content-Type", "application/json; charset=utf-8"), json);
  }
}
