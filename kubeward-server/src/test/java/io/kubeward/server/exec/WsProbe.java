package io.kubeward.server.exec;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket client of the exec protocol for tests (JDK {@link WebSocket}): collects frames by
 * channel, the close code and reason; {@link #handshakeStatus} when the upgrade was refused.
 */
final class WsProbe implements WebSocket.Listener {

  final List<byte[]> frames = new ArrayList<>();
  final CompletableFuture<Integer> closed = new CompletableFuture<>();
  volatile String closeReason;
  volatile WebSocket socket;
  int handshakeStatus;
  private ByteBuffer partial = ByteBuffer.allocate(0);

  static WsProbe open(String url, Map<String, String> headers) {
    WsProbe probe = new WsProbe();
    WebSocket.Builder builder =
        HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
    headers.forEach(builder::header);
    try {
      probe.socket = builder.buildAsync(URI.create(url), probe).get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      Throwable t = e instanceof CompletionException || e.getCause() != null ? e.getCause() : e;
      if (t instanceof WebSocketHandshakeException refused) {
        probe.handshakeStatus = refused.getResponse().statusCode();
        probe.closed.complete(-1);
      } else {
        throw new IllegalStateException(e);
      }
    }
    return probe;
  }

  @Override
  public synchronized CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
    ByteBuffer joined = ByteBuffer.allocate(partial.remaining() + data.remaining());
    joined.put(partial).put(data).flip();
    if (last) {
      byte[] frame = new byte[joined.remaining()];
      joined.get(frame);
      frames.add(frame);
      partial = ByteBuffer.allocate(0);
    } else {
      partial = joined;
    }
    ws.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
    closeReason = reason;
    closed.complete(statusCode);
    return null;
  }

  @Override
  public void onError(WebSocket ws, Throwable error) {
    closed.complete(-2);
  }

  int awaitClose() throws Exception {
    return closed.get(30, TimeUnit.SECONDS);
  }

  /** The JSON status frames (channel 3) received so far. */
  synchronized List<String> statuses() {
    return frames.stream()
        .filter(f -> f.length > 0 && f[0] == 3)
        .map(f -> new String(f, 1, f.length - 1, StandardCharsets.UTF_8))
        .toList();
  }

  /** What arrived on {@code channel}, as text. */
  synchronized String text(int channel) {
    StringBuilder out = new StringBuilder();
    for (byte[] f : frames) {
      if (f.length > 0 && f[0] == channel) {
        out.append(new String(f, 1, f.length - 1, StandardCharsets.UTF_8));
      }
    }
    return out.toString();
  }

  void send(int channel, byte[] data) {
    ByteBuffer frame = ByteBuffer.allocate(data.length + 1);
    frame.put((byte) channel).put(data).flip();
    socket.sendBinary(frame, true).join();
  }
}
