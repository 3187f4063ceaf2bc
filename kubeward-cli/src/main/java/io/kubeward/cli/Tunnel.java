package io.kubeward.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The client side of Kubeward's exec and port-forward WebSockets (ADR 0025): binary frames whose
 * first byte is the channel — 0 stdin / data to the pod, 1 stdout / data from the pod, 2 stderr, 3
 * a JSON status ({@code open}, {@code exit}, {@code closed}, {@code problem}), 4 resize, 5 end of
 * input. Frames from the server are written to {@link #onStdout}/{@link #onStderr} before the next
 * one is asked for, so a slow local reader holds the pod back.
 */
public final class Tunnel implements AutoCloseable {

  public static final byte STDIN = 0;
  public static final byte STDOUT = 1;
  public static final byte STDERR = 2;
  public static final byte STATUS = 3;
  public static final byte RESIZE = 4;
  public static final byte EOF = 5;

  private volatile WebSocket socket;
  private volatile OutputStream stdout = OutputStream.nullOutputStream();
  private volatile OutputStream stderr = OutputStream.nullOutputStream();
  private final CompletableFuture<JsonNode> opened = new CompletableFuture<>();
  private final CompletableFuture<End> ended = new CompletableFuture<>();
  private volatile Integer exitCode;
  private volatile Problem problem;

  /** How the tunnel ended: the command's exit code, or the server's problem, or neither. */
  public record End(Integer exitCode, Problem problem, int closeCode) {}

  Tunnel() {}

  void attach(WebSocket socket) {
    this.socket = socket;
  }

  public Tunnel onStdout(OutputStream out) {
    this.stdout = out;
    return this;
  }

  public Tunnel onStderr(OutputStream err) {
    this.stderr = err;
    return this;
  }

  /** The {@code open} status, or the end when the server refused. */
  public CompletableFuture<JsonNode> opened() {
    return opened;
  }

  public CompletableFuture<End> ended() {
    return ended;
  }

  /** Sends one frame and waits until it is handed to the network (one at a time). */
  public synchronized void send(byte channel, byte[] data, int offset, int length) {
    ByteBuffer frame = ByteBuffer.allocate(length + 1);
    frame.put(channel).put(data, offset, length).flip();
    socket.sendBinary(frame, true).join();
  }

  @Override
  public void close() {
    WebSocket ws = socket;
    if (ws != null && !ws.isOutputClosed()) {
      ws.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
    }
  }

  /** Ends at once, without waiting for the server. */
  public void abort() {
    WebSocket ws = socket;
    if (ws != null) {
      ws.abort();
    }
    ended.complete(new End(exitCode, problem, -1));
  }

  WebSocket.Listener listener() {
    return new WebSocket.Listener() {
      private ByteBuffer partial = ByteBuffer.allocate(0);

      @Override
      public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
        ByteBuffer joined = ByteBuffer.allocate(partial.remaining() + data.remaining());
        joined.put(partial).put(data).flip();
        if (!last) {
          partial = joined;
          ws.request(1);
          return null;
        }
        partial = ByteBuffer.allocate(0);
        if (joined.hasRemaining()) {
          deliver(joined.get(), joined);
        }
        ws.request(1);
        return null;
      }

      @Override
      public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        opened.completeExceptionally(new IllegalStateException("closed before it opened"));
        ended.complete(new End(exitCode, problem, statusCode));
        return null;
      }

      @Override
      public void onError(WebSocket ws, Throwable error) {
        opened.completeExceptionally(error);
        ended.complete(new End(exitCode, problem, -1));
      }
    };
  }

  private void deliver(byte channel, ByteBuffer data) {
    byte[] bytes = new byte[data.remaining()];
    data.get(bytes);
    try {
      switch (channel) {
        case STDOUT -> {
          stdout.write(bytes);
          stdout.flush();
        }
        case STDERR -> {
          stderr.write(bytes);
          stderr.flush();
        }
        case STATUS -> status(Json.MAPPER.readTree(bytes));
        default -> {
          // unknown channels are ignored
        }
      }
    } catch (IOException localGone) {
      close();
    }
  }

  private void status(JsonNode status) {
    switch (Json.text(status, "type")) {
      case "open" -> opened.complete(status);
      case "exit" -> exitCode = status.path("code").asInt();
      case "problem" -> {
        JsonNode p = status.path("problem");
        problem =
            new Problem(
                p.path("status").asInt(),
                Json.text(p, "code"),
                Json.text(p, "title"),
                Json.text(p, "detail"));
      }
      case null, default -> {
        // closed: the end follows
      }
    }
  }
}
