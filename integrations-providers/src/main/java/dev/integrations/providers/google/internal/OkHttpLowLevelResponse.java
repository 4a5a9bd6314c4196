package dev.integrations.providers.google.internal;

import com.google.api.client.http.LowLevelHttpResponse;
import java.io.InputStream;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** The answer to an {@link OkHttpLowLevelRequest}; its body streams from the socket. */
final class OkHttpLowLevelResponse extends LowLevelHttpResponse {
  private final Response response;

  OkHttpLowLevelResponse(Response response) {
    this.response = response;
  }

  @Override
  public InputStream getContent() {
    ResponseBody body = response.body();
    return body.byteStream();
  }

  @Override
  public String getContentEncoding() {
    return response.header("Content-Encoding");
  }

  @Override
  public long getContentLength() {
    return response.body().contentLength();
  }

  @Override
  public String getContentType() {
    return response.header("Content-Type");
  }

  @Override
  public String getStatusLine() {
    String reason = response.message();
    return "HTTP/1.1 " + response.code() + (reason.isEmpty() ? "" : " " + reason);
  }

  @Override
  public int getStatusCode() {
    return response.code();
  }

  @Override
  public String getReasonPhrase() {
    return response.message();
  }

  @Override
  public int getHeaderCount() {
    return response.headers().size();
  }

  @Override
  public String getHeaderName(int index) {
    return response.headers().name(index);
  }

  @Override
  public String getHeaderValue(int index) {
    return response.headers().value(index);
  }

  @Override
  public void disconnect() {
    response.close();
  }
}
