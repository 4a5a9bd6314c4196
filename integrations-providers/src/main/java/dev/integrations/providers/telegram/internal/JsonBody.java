package dev.integrations.providers.telegram.internal;

import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * A JSON request body that OkHttp must not transmit twice: being one-shot stops OkHttp's own silent
 * retry of a request that was already (partly) sent, which would send a message twice.
 */
final class JsonBody extends RequestBody {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final byte[] bytes;

  JsonBody(byte[] bytes) {
    this.bytes = bytes.clone();
  }

  @Override
  public MediaType contentType() {
    return JSON;
  }

  @Override
  public long contentLength() {
    return bytes.length;
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    sink.write(bytes);
  }

  @Override
  public boolean isOneShot() {
    return true;
  }
}
