package io.kubeward.server.exec;

import io.kubeward.common.KubewardException;
import io.kubeward.server.web.ApiProblems;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ProblemDetail;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import tools.jackson.databind.json.JsonMapper;

/**
 * The framed protocol of the exec and port-forward WebSockets (ADR 0025): binary messages only, the
 * first byte the channel, like the apiserver's {@code channel.k8s.io}.
 *
 * <ul>
 *   <li>client → server: {@value #STDIN} stdin / tunnel data, {@value #RESIZE} resize {@code
 *       {"cols":n,"rows":n}}, {@value #EOF} end of stdin / half-close of the tunnel;
 *   <li>server → client: {@value #STDOUT} stdout / tunnel data, {@value #STDERR} stderr, {@value
 *       #STATUS} a JSON status: {@code {"type":"open"}}, {@code {"type":"exit","code":n}}, {@code
 *       {"type":"closed","reason":...}}, {@code {"type":"problem","problem":{problem+json}}}.
 * </ul>
 *
 * A problem closes the socket with code 4000 + its HTTP status (4403, 4429, ...). Sends are
 * blocking and one at a time per socket: a slow client holds back the pod's output (backpressure
 * through fabric8's streams to the apiserver) instead of filling memory, and Tomcat's blocking send
 * time-out ends a client that reads nothing.
 */
final class Frames {

  static final byte STDIN = 0;
  static final byte STDOUT = 1;
  static final byte STDERR = 2;
  static final byte STATUS = 3;
  static final byte RESIZE = 4;
  static final byte EOF = 5;

  private final ApiProblems problems;
  private final JsonMapper json;

  Frames(ApiProblems problems, JsonMapper json) {
    this.problems = problems;
    this.json = json;
  }

  static void send(WebSocketSession ws, byte channel, byte[] data, int offset, int length)
      throws IOException {
    ByteBuffer frame = ByteBuffer.allocate(length + 1);
    frame.put(channel).put(data, offset, length).flip();
    synchronized (ws) {
      if (ws.isOpen()) {
        ws.sendMessage(new BinaryMessage(frame, true));
      }
    }
  }

  void status(WebSocketSession ws, Map<String, Object> status) throws IOException {
    byte[] bytes = json.writeValueAsBytes(status);
    send(ws, STATUS, bytes, 0, bytes.length);
  }

  /** Sends {@code e} as a problem frame in the caller's language and closes with 4000 + status. */
  void fail(WebSocketSession ws, KubewardException e, Locale locale) {
    ProblemDetail problem = problems.toProblem(e, locale);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", problem.getType().toString());
    body.put("title", problem.getTitle());
    body.put("status", problem.getStatus());
    body.put("detail", problem.getDetail());
    if (problem.getProperties() != null) {
      body.putAll(problem.getProperties());
    }
    try {
      status(ws, Map.of("type", "problem", "problem", body));
    } catch (IOException | RuntimeException gone) {
      // the client went away
    }
    close(ws, new CloseStatus(4000 + problem.getStatus(), e.code()));
  }

  static void close(WebSocketSession ws, CloseStatus status) {
    try {
      synchronized (ws) {
        if (ws.isOpen()) {
          ws.close(status);
        }
      }
    } catch (IOException | RuntimeException gone) {
      // closed already
    }
  }

  <T> T read(byte[] payload, int offset, Class<T> type) {
    return json.readValue(payload, offset, payload.length - offset, type);
  }
}
