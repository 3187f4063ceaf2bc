package io.kubeward.testkit.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP forwarder on 127.0.0.1 that a test can cut and restore, to make a server unreachable
 * without stopping it. While cut, open connections are closed and new ones are closed at once. With
 * several targets ({@link #roundRobin}) each new connection goes to the next target, skipping one
 * that refuses the connection (a load balancer in front of replicas, one of them killed).
 */
public final class TcpProxy implements AutoCloseable {

  private final String targetHost;
  private final List<Integer> targetPorts;
  private final AtomicInteger next = new AtomicInteger();
  private final ServerSocket server;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean cut;

  private TcpProxy(String targetHost, List<Integer> targetPorts) throws IOException {
    this.targetHost = targetHost;
    this.targetPorts = List.copyOf(targetPorts);
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.submit(this::acceptLoop);
  }

  public static TcpProxy start(String targetHost, int targetPort) {
    try {
      return new TcpProxy(targetHost, List.of(targetPort));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot open a proxy port on 127.0.0.1", e);
    }
  }

  /** Forwards each new connection to the next of {@code ports} on 127.0.0.1, in turn. */
  public static TcpProxy roundRobin(List<Integer> ports) {
    if (ports.isEmpty()) {
      throw new IllegalArgumentException("no target port");
    }
    try {
      return new TcpProxy("127.0.0.1", ports);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot open a proxy port on 127.0.0.1", e);
    }
  }

  public int port() {
    return server.getLocalPort();
  }

  /** Closes every open connection and refuses new ones until {@link #restore()}. */
  public void cut() {
    cut = true;
    open.forEach(TcpProxy::closeQuietly);
    open.clear();
  }

  public void restore() {
    cut = false;
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket downstream = server.accept();
        if (cut) {
          closeQuietly(downstream);
          continue;
        }
        threads.submit(() -> connect(downstream));
      } catch (IOException e) {
        if (server.isClosed()) {
          return;
        }
      }
    }
  }

  private void connect(Socket downstream) {
    try {
      Socket upstream = upstream();
      open.add(downstream);
      open.add(upstream);
      threads.submit(() -> pump(downstream, upstream));
      pump(upstream, downstream);
    } catch (IOException e) {
      closeQuietly(downstream);
    }
  }

  /** The next target that accepts a connection; the last refusal when none does. */
  private Socket upstream() throws IOException {
    IOException last = null;
    int first = Math.floorMod(next.getAndIncrement(), targetPorts.size());
    for (int i = 0; i < targetPorts.size(); i++) {
      int port = targetPorts.get((first + i) % targetPorts.size());
      try {
        return new Socket(targetHost, port);
      } catch (IOException e) {
        last = e;
      }
    }
    throw last;
  }

  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[16_384];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      int read;
      while ((read = in.read(buffer)) >= 0) {
        out.write(buffer, 0, read);
        out.flush();
      }
    } catch (IOException ignored) {
      // one side closed: close both below
    } finally {
      closeQuietly(from);
      closeQuietly(to);
      open.remove(from);
      open.remove(to);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() {
    cut();
    try {
      server.close();
    } catch (IOException ignored) {
      // already closed
    }
    threads.shutdownNow();
  }
}
