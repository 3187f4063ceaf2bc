package io.kubeward.cli.commands;

import io.kubeward.cli.CliException;
import io.kubeward.cli.ExitCode;
import io.kubeward.cli.KubewardClient;
import io.kubeward.cli.Problem;
import io.kubeward.cli.Tunnel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kubeward port-forward POD [LOCAL:]REMOTE...}: like {@code kubectl port-forward}, through
 * Kubeward's API (authorized and audited by the server, the cluster decides {@code
 * pods/portforward} for the user): a local listener per port, and a WebSocket tunnel per accepted
 * TCP connection. Runs until interrupted; a refused connection prints the server's sentence and the
 * listener goes on, like kubectl.
 */
@Command(
    name = "port-forward",
    description = "Forward local ports to a pod through Kubeward, like kubectl port-forward.")
public final class PortForwardCommand extends ApiCommand {

  /** Bytes per frame sent to the server (below its 64 KiB default message limit). */
  static final int CHUNK = 32 * 1024;

  /** How long a tunnel may still bring the pod's bytes after the local side closed. */
  static final long AFTER_LOCAL_EOF_SECONDS = 30;

  @Parameters(index = "0", paramLabel = "POD", description = "The pod.")
  String pod;

  @Parameters(
      index = "1..*",
      arity = "1..*",
      paramLabel = "[LOCAL:]REMOTE",
      description = "Ports: 8080:80 listens on 8080 for the pod's 80; :80 on a free port.")
  List<String> ports;

  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "NAMESPACE",
      description = "The pod's namespace (default: default).")
  String namespace = "default";

  @Option(
      names = "--address",
      paramLabel = "ADDRESS",
      description = "The local address to listen on (default: 127.0.0.1).")
  String address = "127.0.0.1";

  /** A parsed {@code LOCAL:REMOTE}; local 0 for a free port. */
  record Mapping(int local, int remote) {}

  static Mapping parse(String spec) {
    String[] parts = spec.split(":", -1);
    if (parts.length > 2) {
      throw new IllegalArgumentException(spec);
    }
    int remote = port(parts[parts.length - 1], false);
    int local = parts.length == 1 ? remote : parts[0].isEmpty() ? 0 : port(parts[0], true);
    return new Mapping(local, remote);
  }

  private static int port(String text, boolean zeroAllowed) {
    int port = Integer.parseInt(text);
    if (port < (zeroAllowed ? 0 : 1) || port > 65535) {
      throw new IllegalArgumentException(text);
    }
    return port;
  }

  @Override
  public Integer call() throws Exception {
    List<Mapping> mappings = new ArrayList<>();
    for (String spec : ports) {
      try {
        mappings.add(parse(spec));
      } catch (IllegalArgumentException e) {
        throw usage("port-forward.bad-port", spec);
      }
    }
    InetAddress bind;
    try {
      bind = InetAddress.getByName(address);
    } catch (UnknownHostException e) {
      throw usage("port-forward.bad-address", address);
    }
    KubewardClient client = client();
    String base =
        clusterPath(
            "/namespaces/"
                + KubewardClient.segment(namespace)
                + "/pods/"
                + KubewardClient.segment(pod)
                + "/portforward?port=");
    List<ServerSocketChannel> listeners = new ArrayList<>();
    try {
      for (Mapping m : mappings) {
        ServerSocketChannel listener = ServerSocketChannel.open();
        try {
          listener.bind(new InetSocketAddress(bind, m.local()));
        } catch (IOException e) {
          listener.close();
          throw new CliException(
              ExitCode.USAGE,
              messages().get("port-forward.cannot-listen", address, String.valueOf(m.local()), e));
        }
        listeners.add(listener);
        int local = ((InetSocketAddress) listener.getLocalAddress()).getPort();
        // ports as text: MessageFormat would group their digits ("41,234") in many languages
        out()
            .println(
                messages()
                    .get(
                        "port-forward.listening",
                        address,
                        String.valueOf(local),
                        String.valueOf(m.remote())));
      }
      out().flush();
      List<Thread> acceptors = new ArrayList<>();
      for (int i = 0; i < listeners.size(); i++) {
        ServerSocketChannel listener = listeners.get(i);
        String path = base + mappings.get(i).remote();
        acceptors.add(Thread.ofVirtual().start(() -> accept(client, listener, path)));
      }
      for (Thread acceptor : acceptors) {
        acceptor.join();
      }
    } finally {
      for (ServerSocketChannel listener : listeners) {
        listener.close();
      }
    }
    return ExitCode.OK;
  }

  private void accept(KubewardClient client, ServerSocketChannel listener, String path) {
    while (listener.isOpen()) {
      SocketChannel connection;
      try {
        connection = listener.accept();
      } catch (IOException closed) {
        return;
      }
      Thread.ofVirtual().start(() -> forward(client, connection.socket(), path));
    }
  }

  /** One TCP connection: local bytes to channel 0, channel 1 to the local socket. */
  private void forward(KubewardClient client, Socket socket, String path) {
    try (socket) {
      Tunnel tunnel;
      try {
        tunnel = client.tunnel(path);
      } catch (CliException refused) {
        err(refused.getMessage());
        return;
      }
      OutputStream toLocal = socket.getOutputStream();
      tunnel.onStdout(toLocal);
      try {
        tunnel.opened().get(30, TimeUnit.SECONDS);
      } catch (Exception refused) {
        Tunnel.End end = tunnel.ended().getNow(null);
        Problem problem = end == null ? null : end.problem();
        err(
            problem == null
                ? messages().get("port-forward.refused")
                : problem.sentence(messages()));
        tunnel.abort();
        return;
      }
      tunnel
          .ended()
          .thenRun(
              () -> {
                try {
                  socket.close(); // the pod's side ended: unblock the local reader
                } catch (IOException ignored) {
                  // closed already
                }
              });
      InputStream fromLocal = socket.getInputStream();
      byte[] buffer = new byte[CHUNK];
      int n;
      try {
        while ((n = fromLocal.read(buffer)) >= 0) {
          tunnel.send(Tunnel.STDIN, buffer, 0, n);
        }
        tunnel.send(Tunnel.EOF, buffer, 0, 0);
      } catch (IOException | RuntimeException localOrRemoteGone) {
        // either side went away: the end below
      }
      Tunnel.End end;
      try {
        // the local side is done: the pod's answer may still be on its way
        end = tunnel.ended().get(AFTER_LOCAL_EOF_SECONDS, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException quiet) {
        tunnel.close();
        return;
      }
      if (end.problem() != null) {
        err(end.problem().sentence(messages()));
      }
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void err(String line) {
    synchronized (this) {
      context().err().println(line);
      context().err().flush();
    }
  }
}
