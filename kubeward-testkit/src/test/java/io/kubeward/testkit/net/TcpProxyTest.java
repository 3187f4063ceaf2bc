package io.kubeward.testkit.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TcpProxyTest {

  private ServerSocket echoServer;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

  @BeforeEach
  void startEchoServer() throws IOException {
    echoServer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.submit(
        () -> {
          while (!echoServer.isClosed()) {
            Socket socket = echoServer.accept();
            threads.submit(() -> echo(socket));
          }
          return null;
        });
  }

  @AfterEach
  void stop() throws IOException {
    echoServer.close();
    threads.shutdownNow();
  }

  @Test
  void forwardsBytesBothWays() throws IOException {
    try (TcpProxy proxy = TcpProxy.start("127.0.0.1", echoServer.getLocalPort())) {
      assertThat(roundTrip(proxy.port(), "hello")).isEqualTo("hello");
    }
  }

  @Test
  void cutClosesOpenConnectionsAndRefusesNewOnesUntilRestored() throws IOException {
    try (TcpProxy proxy = TcpProxy.start("127.0.0.1", echoServer.getLocalPort());
        Socket open = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
      open.setSoTimeout(5_000);
      assertThat(exchange(open, "before")).isEqualTo("before");

      proxy.cut();

      assertThat(open.getInputStream().read()).isEqualTo(-1);
      assertThatThrownBy(() -> roundTrip(proxy.port(), "during")).isInstanceOf(IOException.class);

      proxy.restore();

      assertThat(roundTrip(proxy.port(), "after")).isEqualTo("after");
    }
  }

  private static String roundTrip(int port, String text) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(5_000);
      return exchange(socket, text);
    }
  }

  private static String exchange(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
    byte[] buffer = new byte[text.length()];
    InputStream in = socket.getInputStream();
    int read = 0;
    while (read < buffer.length) {
      int n = in.read(buffer, read, buffer.length - read);
      if (n < 0) {
        throw new IOException("connection closed after " + read + " bytes");
      }
      read += n;
    }
    return new String(buffer, StandardCharsets.UTF_8);
  }

  private static void echo(Socket socket) {
    try (socket) {
      socket.getInputStream().transferTo(socket.getOutputStream());
    } catch (IOException ignored) {
      // client went away
    }
  }
}
