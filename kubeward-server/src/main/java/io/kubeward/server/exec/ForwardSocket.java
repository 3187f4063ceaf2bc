package io.kubeward.server.exec;

import io.kubeward.common.KubewardException;
import io.kubeward.exec.app.ExecGateway;
import io.kubeward.exec.app.ExecSession;
import io.kubeward.exec.app.OpenExec;
import io.kubeward.exec.domain.ExecLimits;
import io.kubeward.exec.domain.ForwardedPort;
import io.kubeward.exec.domain.InvalidExecRequestException;
import io.kubeward.exec.domain.PodTarget;
import io.kubeward.server.security.CurrentUser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.WritableByteChannel;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

/**
 * {@code GET /api/v1/clusters/{c}/namespaces/{ns}/pods/{pod}/portforward?port=N} upgraded to a
 * WebSocket: one TCP connection tunnelled to the pod's port through the apiserver's {@code
 * pods/portforward} with the caller's identity ({@link OpenExec#forward}); the CLI opens one per
 * accepted local connection. Binary-safe: channel {@value Frames#STDIN} carries the client's bytes
 * (into a pipe the tunnel reads: a full pipe blocks the socket's reader, which holds the client
 * back), channel {@value Frames#STDOUT} the pod's (one blocking send at a time), {@value
 * Frames#EOF} half-closes towards the pod.
 */
final class ForwardSocket extends AbstractWebSocketHandler {

  private final OpenExec open;
  private final ExecSessions sessions;
  private final ExecLimits limits;
  private final Frames frames;
  private final Map<String, Tunnel> tunnels = new ConcurrentHashMap<>();

  ForwardSocket(OpenExec open, ExecSessions sessions, ExecLimits limits, Frames frames) {
    this.open = open;
    this.sessions = sessions;
    this.limits = limits;
    this.frames = frames;
  }

  private final class Tunnel {
    final WebSocketSession ws;
    final Locale locale;
    final Pipe pipe;
    final AtomicLong in = new AtomicLong();
    final AtomicLong out = new AtomicLong();
    volatile ExecSession<ExecGateway.ForwardConnection> session;
    volatile ExecSessions.Entry entry;
    volatile boolean sawData;

    Tunnel(WebSocketSession ws, Locale locale) throws IOException {
      this.ws = ws;
      this.locale = locale;
      this.pipe = Pipe.open();
    }

    void end(String reason, KubewardException failure) {
      tunnels.remove(ws.getId());
      if (entry != null) {
        entry.release();
      }
      closeQuietly(pipe.sink());
      closeQuietly(pipe.source());
      ExecSession<ExecGateway.ForwardConnection> s = session;
      if (s != null
          && s.end(
                  reason,
                  null,
                  in.get(),
                  out.get(),
                  failure == null ? null : failure.code() + ": " + failure.getMessage())
              == null) {
        return;
      }
      if (failure != null) {
        frames.fail(ws, failure, locale);
        return;
      }
      try {
        frames.status(ws, Map.of("type", "closed", "reason", reason));
      } catch (IOException | RuntimeException gone) {
        // the client went away
      }
      Frames.close(ws, CloseStatus.NORMAL.withReason(reason));
    }

    /** On every tick of the registry: a failure reported after the start, or a tunnel gone. */
    void check() {
      ExecSession<ExecGateway.ForwardConnection> s = session;
      if (s == null) {
        return;
      }
      KubewardException failure = s.connection().failure();
      if (failure != null) {
        end("error", failure);
      } else if (!s.connection().alive()) {
        end("closed", null);
      }
    }

    /** Where the pod's bytes go: one frame per write, blocking. */
    WritableByteChannel toClient() {
      int max = limits.maxMessageBytes() - 1;
      return new WritableByteChannel() {
        private volatile boolean open = true;

        @Override
        public int write(ByteBuffer src) throws IOException {
          int n = Math.min(src.remaining(), max);
          byte[] chunk = new byte[n];
          src.get(chunk);
          Frames.send(ws, Frames.STDOUT, chunk, 0, n);
          out.addAndGet(n);
          sawData = true;
          if (entry != null) {
            entry.touch();
          }
          return n;
        }

        @Override
        public boolean isOpen() {
          return open && ws.isOpen();
        }

        @Override
        public void close() {
          open = false;
        }
      };
    }
  }

  private static void closeQuietly(java.nio.channels.Channel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // closed already
    }
  }

  @Override
  public void afterConnectionEstablished(WebSocketSession ws) throws IOException {
    // larger messages close the socket (1009) before they reach a handler
    ws.setBinaryMessageSizeLimit(limits.maxMessageBytes());
    ws.setTextMessageSizeLimit(1024);
    CurrentUser caller = (CurrentUser) ws.getAttributes().get(ExecHandshake.CALLER);
    Locale locale = (Locale) ws.getAttributes().get(ExecHandshake.LOCALE);
    Tunnel tunnel = new Tunnel(ws, locale);
    tunnels.put(ws.getId(), tunnel);
    try {
      ExecHandshake.PodPath path =
          ExecHandshake.PodPath.parse((String) ws.getAttributes().get(ExecHandshake.PATH));
      PodTarget target = new PodTarget(path.cluster(), path.namespace(), path.pod(), null);
      ForwardedPort port = port(ws.getAttributes());
      tunnel.entry = sessions.reserve(caller, ExecSessions.Kind.FORWARD, r -> tunnel.end(r, null));
      tunnel.session =
          open.forward(caller.caller(), target, port, tunnel.pipe.source(), tunnel.toClient());
      tunnel.entry.onTick(tunnel::check);
      frames.status(ws, Map.of("type", "open", "port", port.value()));
    } catch (KubewardException refused) {
      tunnel.end("refused", refused);
    } catch (IOException gone) {
      tunnel.end("closed", null);
    }
  }

  @SuppressWarnings("unchecked")
  private static ForwardedPort port(Map<String, Object> attributes) {
    Map<String, List<String>> query =
        (Map<String, List<String>>) attributes.get(ExecHandshake.QUERY);
    List<String> values = query.get("port");
    if (values == null || values.size() != 1) {
      throw InvalidExecRequestException.of("port", "must be given once");
    }
    try {
      return new ForwardedPort(Integer.parseInt(values.getFirst()));
    } catch (NumberFormatException e) {
      throw InvalidExecRequestException.of("port", "is not a whole number");
    }
  }

  @Override
  protected void handleBinaryMessage(WebSocketSession ws, BinaryMessage message) {
    Tunnel tunnel = tunnels.get(ws.getId());
    if (tunnel == null || tunnel.session == null) {
      return;
    }
    ByteBuffer payload = message.getPayload();
    if (payload.remaining() < 1) {
      return;
    }
    byte channel = payload.get();
    tunnel.entry.touch();
    try {
      switch (channel) {
        case Frames.STDIN -> {
          int n = payload.remaining();
          while (payload.hasRemaining()) {
            tunnel.pipe.sink().write(payload);
          }
          tunnel.in.addAndGet(n);
        }
        case Frames.EOF -> tunnel.pipe.sink().close();
        default ->
            throw InvalidExecRequestException.of("frame", "has an unknown channel " + channel);
      }
    } catch (KubewardException invalid) {
      tunnel.end("error", invalid);
    } catch (IOException e) {
      tunnel.end("closed", null);
    }
  }

  @Override
  protected void handleTextMessage(WebSocketSession ws, TextMessage message) {
    Tunnel tunnel = tunnels.get(ws.getId());
    if (tunnel != null) {
      tunnel.end("error", InvalidExecRequestException.of("frame", "must be binary"));
    }
  }

  @Override
  public void afterConnectionClosed(WebSocketSession ws, CloseStatus status) {
    Tunnel tunnel = tunnels.get(ws.getId());
    if (tunnel != null) {
      tunnel.end("closed", null);
    }
  }
}
