package io.kubeward.server.exec;

import io.kubeward.common.KubewardException;
import io.kubeward.exec.app.ExecGateway;
import io.kubeward.exec.app.ExecSession;
import io.kubeward.exec.app.OpenExec;
import io.kubeward.exec.domain.ExecCommand;
import io.kubeward.exec.domain.ExecLimits;
import io.kubeward.exec.domain.InvalidExecRequestException;
import io.kubeward.exec.domain.PodTarget;
import io.kubeward.exec.domain.TerminalSize;
import io.kubeward.server.security.CurrentUser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

/**
 * {@code GET /api/v1/clusters/{c}/namespaces/{ns}/pods/{pod}/exec} upgraded to a WebSocket: an exec
 * session bridged to the apiserver's {@code pods/exec} with the caller's identity ({@link
 * OpenExec}). Query: {@code container}, and either {@code shell} (one of {@link
 * ExecCommand#SHELLS}, with a TTY sized {@code cols} × {@code rows}) or {@code command} repeated
 * per argument (no TTY unless {@code tty=true}). Protocol: {@link Frames}.
 */
final class ExecSocket extends AbstractWebSocketHandler {

  private static final Logger log = LoggerFactory.getLogger(ExecSocket.class);
  private static final long EXIT_WAIT_SECONDS = 5;

  private final OpenExec open;
  private final ExecSessions sessions;
  private final ExecLimits limits;
  private final Frames frames;
  private final Map<String, Bridge> bridges = new ConcurrentHashMap<>();

  ExecSocket(OpenExec open, ExecSessions sessions, ExecLimits limits, Frames frames) {
    this.open = open;
    this.sessions = sessions;
    this.limits = limits;
    this.frames = frames;
  }

  /** One exec session: the WebSocket, the pod's streams, the registry entry and byte counts. */
  private final class Bridge {
    final WebSocketSession ws;
    final Locale locale;
    final AtomicLong in = new AtomicLong();
    final AtomicLong out = new AtomicLong();
    volatile ExecSession<ExecGateway.ExecConnection> session;
    volatile ExecSessions.Entry entry;
    volatile Thread stderrPump;

    Bridge(WebSocketSession ws, Locale locale) {
      this.ws = ws;
      this.locale = locale;
    }

    /** Ends the session once (audited by {@link ExecSession#end}) and closes the socket. */
    void end(String reason, Integer exitCode, KubewardException failure) {
      bridges.remove(ws.getId());
      if (entry != null) {
        entry.release();
      }
      ExecSession<ExecGateway.ExecConnection> s = session;
      if (s != null
          && s.end(
                  reason,
                  exitCode,
                  in.get(),
                  out.get(),
                  failure == null ? null : failure.code() + ": " + failure.getMessage())
              == null) {
        return; // ended already
      }
      if (failure != null) {
        frames.fail(ws, failure, locale);
        return;
      }
      try {
        if (exitCode != null) {
          frames.status(ws, Map.of("type", "exit", "code", exitCode));
        } else {
          frames.status(ws, Map.of("type", "closed", "reason", reason));
        }
      } catch (IOException | RuntimeException gone) {
        // the client went away
      }
      Frames.close(ws, CloseStatus.NORMAL.withReason(reason));
    }

    void pump(InputStream source, byte channel, boolean main) {
      byte[] buffer = new byte[limits.maxMessageBytes() - 1];
      try {
        int n;
        while ((n = source.read(buffer)) >= 0) {
          if (n > 0) {
            Frames.send(ws, channel, buffer, 0, n);
            out.addAndGet(n);
            if (entry != null) {
              entry.touch();
            }
          }
        }
        if (main) {
          Integer code = exitCode();
          Thread err = stderrPump;
          if (err != null) {
            err.join(TimeUnit.SECONDS.toMillis(EXIT_WAIT_SECONDS)); // the last of stderr too
          }
          end("exited", code, null);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (IOException | RuntimeException e) {
        if (main) {
          end(ws.isOpen() ? "error" : "closed", null, null);
        }
      }
    }

    private Integer exitCode() {
      try {
        return session.connection().exit().get(EXIT_WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      } catch (ExecutionException | TimeoutException e) {
        return null;
      }
    }
  }

  @Override
  public void afterConnectionEstablished(WebSocketSession ws) {
    // larger messages close the socket (1009) before they reach a handler
    ws.setBinaryMessageSizeLimit(limits.maxMessageBytes());
    ws.setTextMessageSizeLimit(1024);
    CurrentUser caller = (CurrentUser) ws.getAttributes().get(ExecHandshake.CALLER);
    Locale locale = (Locale) ws.getAttributes().get(ExecHandshake.LOCALE);
    Bridge bridge = new Bridge(ws, locale);
    bridges.put(ws.getId(), bridge);
    try {
      ExecRequest request = ExecRequest.of(ws.getAttributes(), limits);
      bridge.entry =
          sessions.reserve(caller, ExecSessions.Kind.EXEC, r -> bridge.end(r, null, null));
      bridge.session = open.exec(caller.caller(), request.target, request.command, request.size);
      frames.status(
          ws,
          Map.of(
              "type", "open", "command", request.command.display(), "tty", request.size != null));
    } catch (KubewardException refused) {
      bridge.end("refused", null, refused);
      return;
    } catch (IOException gone) {
      bridge.end("closed", null, null);
      return;
    }
    ExecGateway.ExecConnection connection = bridge.session.connection();
    InputStream stderr = connection.stderr();
    if (stderr != null) {
      bridge.stderrPump =
          Thread.ofVirtual()
              .name("kubeward-exec-err-" + ws.getId())
              .start(() -> bridge.pump(stderr, Frames.STDERR, false));
    }
    Thread.ofVirtual()
        .name("kubeward-exec-out-" + ws.getId())
        .start(() -> bridge.pump(connection.stdout(), Frames.STDOUT, true));
  }

  @Override
  protected void handleBinaryMessage(WebSocketSession ws, BinaryMessage message) {
    Bridge bridge = bridges.get(ws.getId());
    if (bridge == null || bridge.session == null) {
      return;
    }
    ByteBuffer payload = message.getPayload();
    if (payload.remaining() < 1) {
      return;
    }
    byte channel = payload.get();
    byte[] data = new byte[payload.remaining()];
    payload.get(data);
    bridge.entry.touch();
    try {
      switch (channel) {
        case Frames.STDIN -> {
          OutputStream stdin = bridge.session.connection().stdin();
          try {
            stdin.write(data);
            stdin.flush();
            bridge.in.addAndGet(data.length);
          } catch (RuntimeException ended) {
            // fabric8 refuses input once the command ended: its output pump ends the session
            log.debug("exec WebSocket {}: stdin after the end: {}", ws.getId(), ended.toString());
          }
        }
        case Frames.RESIZE -> {
          Size size = frames.read(data, 0, Size.class);
          bridge.session.connection().resize(new TerminalSize(size.cols(), size.rows()));
        }
        case Frames.EOF -> {
          try {
            bridge.session.connection().stdin().close();
          } catch (RuntimeException ended) {
            log.debug("exec WebSocket {}: end of stdin after the end", ws.getId());
          }
        }
        default ->
            throw InvalidExecRequestException.of("frame", "has an unknown channel " + channel);
      }
    } catch (KubewardException invalid) {
      bridge.end("error", null, invalid);
    } catch (IOException e) {
      bridge.end("error", null, null);
    } catch (RuntimeException malformed) {
      bridge.end(
          "error",
          null,
          InvalidExecRequestException.of("resize", "is not {\"cols\":n,\"rows\":n}"));
    }
  }

  @Override
  protected void handleTextMessage(WebSocketSession ws, TextMessage message) {
    Bridge bridge = bridges.get(ws.getId());
    if (bridge != null) {
      bridge.end(
          "error", null, InvalidExecRequestException.of("frame", "must be binary (see ADR 0025)"));
    }
  }

  @Override
  public void handleTransportError(WebSocketSession ws, Throwable exception) {
    log.debug("exec WebSocket {}: {}", ws.getId(), exception.toString());
  }

  @Override
  public void afterConnectionClosed(WebSocketSession ws, CloseStatus status) {
    Bridge bridge = bridges.get(ws.getId());
    if (bridge != null) {
      bridge.end("closed", null, null);
    }
  }

  record Size(int cols, int rows) {}

  /** The query of an exec handshake, validated. */
  record ExecRequest(PodTarget target, ExecCommand command, TerminalSize size) {

    @SuppressWarnings("unchecked")
    static ExecRequest of(Map<String, Object> attributes, ExecLimits limits) {
      ExecHandshake.PodPath path =
          ExecHandshake.PodPath.parse((String) attributes.get(ExecHandshake.PATH));
      Map<String, List<String>> query =
          (Map<String, List<String>>) attributes.get(ExecHandshake.QUERY);
      String container = one(query, "container");
      PodTarget target =
          new PodTarget(
              path.cluster(),
              path.namespace(),
              path.pod(),
              container == null || container.isEmpty() ? null : container);
      List<String> command = query.getOrDefault("command", List.of());
      String shell = one(query, "shell");
      if (!command.isEmpty() && shell != null) {
        throw InvalidExecRequestException.of("command", "and shell cannot both be given");
      }
      boolean tty = command.isEmpty() || "true".equals(one(query, "tty"));
      TerminalSize size =
          tty ? new TerminalSize(number(query, "cols", 80), number(query, "rows", 24)) : null;
      ExecCommand cmd =
          command.isEmpty()
              ? ExecCommand.shell(shell == null ? ExecCommand.SHELLS.getFirst() : shell)
              : ExecCommand.explicit(command, limits.maxCommandLength());
      return new ExecRequest(target, cmd, size);
    }

    private static String one(Map<String, List<String>> query, String name) {
      List<String> values = query.get(name);
      if (values == null || values.isEmpty()) {
        return null;
      }
      if (values.size() > 1) {
        throw InvalidExecRequestException.of(name, "is given more than once");
      }
      return values.getFirst();
    }

    private static int number(Map<String, List<String>> query, String name, int fallback) {
      String value = one(query, name);
      if (value == null) {
        return fallback;
      }
      try {
        return Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw InvalidExecRequestException.of(name, "is not a whole number");
      }
    }
  }
}
