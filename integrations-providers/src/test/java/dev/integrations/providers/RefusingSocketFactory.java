package dev.integrations.providers;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.SocketFactory;

/** Sockets whose first {@code refusals} connects fail as a refused connection would. */
public final class RefusingSocketFactory extends SocketFactory {
  private final int refusals;

  /** Connects tried so far, refused ones included. */
  public final AtomicInteger connects = new AtomicInteger();

  /** Refuses the first {@code refusals} connects. */
  public RefusingSocketFactory(int refusals) {
    this.refusals = refusals;
  }

  @Override
  public Socket createSocket() {
    return new Socket() {
      @Override
      public void connect(SocketAddress endpoint, int timeout) throws IOException {
        if (connects.incrementAndGet() <= refusals) {
          throw new ConnectException("Connection refused");
        }
        super.connect(endpoint, timeout);
      }
    };
  }

  @Override
  public Socket createSocket(String host, int port) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Socket createSocket(InetAddress host, int port) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Socket createSocket(
      InetAddress address, int port, InetAddress localAddress, int localPort) {
    throw new UnsupportedOperationException();
  }
}
