package io.kubeward.cluster.kube;

import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.StandardHttpClient;
import io.fabric8.kubernetes.client.http.StandardHttpClientBuilder;
import io.fabric8.kubernetes.client.http.StandardHttpRequest;
import io.fabric8.kubernetes.client.http.StandardWebSocketBuilder;
import io.fabric8.kubernetes.client.http.WebSocket;
import io.fabric8.kubernetes.client.http.WebSocketResponse;
import io.fabric8.kubernetes.client.vertx.VertxHttpClientBuilder;
import io.fabric8.kubernetes.client.vertx.VertxHttpClientFactory;
import io.vertx.core.http.HttpClosedException;
import java.net.ConnectException;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * fabric8's Vert.x HTTP client that sends a read ({@code GET}, {@code HEAD}) again, at once and at
 * most {@value #RESENDS} times, when its connection closed before any answer: the connection was a
 * pooled one the apiserver had closed, which says nothing about the cluster. OkHttp does the same
 * ({@code retryOnConnectionFailure}); Vert.x does not.
 *
 * <p>This matters where fabric8's own retries are off: requests made as a person ({@link
 * io.kubeward.access.kube.Impersonation}, which answers a refusal or an overloaded apiserver at
 * once) would otherwise turn one stale connection into a {@code 503 cluster.unreachable}. Writes
 * are never sent again here: the apiserver may have applied them before the connection closed.
 */
public final class ReconnectingHttpClientFactory implements HttpClient.Factory {

  static final int RESENDS = 2;

  private final VertxHttpClientFactory vertx = new VertxHttpClientFactory();

  @Override
  public ReconnectingBuilder newBuilder() {
    return new ReconnectingBuilder(this);
  }

  /** Collects the settings fabric8 gives and hands the transport's to a Vert.x builder. */
  public static final class ReconnectingBuilder
      extends StandardHttpClientBuilder<
          ReconnectingClient, ReconnectingHttpClientFactory, ReconnectingBuilder> {

    ReconnectingBuilder(ReconnectingHttpClientFactory factory) {
      super(factory);
    }

    @Override
    protected ReconnectingBuilder newInstance(ReconnectingHttpClientFactory factory) {
      return new ReconnectingBuilder(factory);
    }

    @Override
    public ReconnectingClient build() {
      if (client != null) {
        // a derived client (another request config, interceptors or tags) shares the connections
        return new ReconnectingClient(this, client.getClosed(), client.transport);
      }
      return new ReconnectingClient(this, new AtomicBoolean(), transport());
    }

    private StandardHttpClient<?, ?, ?> transport() {
      VertxHttpClientBuilder<VertxHttpClientFactory> transport = clientFactory.vertx.newBuilder();
      if (connectTimeout != null) {
        transport.connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS);
      }
      if (keyManagers != null || trustManagers != null) {
        transport.sslContext(keyManagers, trustManagers);
      }
      if (followRedirects) {
        transport.followAllRedirects();
      }
      if (preferHttp11) {
        transport.preferHttp11();
      }
      if (tlsVersions != null) {
        transport.tlsVersions(tlsVersions);
      }
      if (tlsServerName != null) {
        transport.tlsServerName(tlsServerName);
      }
      if (proxyAddress != null) {
        transport.proxyAddress(proxyAddress);
        transport.proxyType(proxyType);
        if (proxyAuthorization != null) {
          transport.proxyAuthorization(proxyAuthorization);
        }
      }
      return transport.build();
    }
  }

  /** Sends through the Vert.x transport; fabric8's interceptors and retries run around it. */
  public static final class ReconnectingClient
      extends StandardHttpClient<
          ReconnectingClient, ReconnectingHttpClientFactory, ReconnectingBuilder> {

    private final StandardHttpClient<?, ?, ?> transport;

    ReconnectingClient(
        ReconnectingBuilder builder, AtomicBoolean closed, StandardHttpClient<?, ?, ?> transport) {
      super(builder, closed);
      this.transport = transport;
    }

    @Override
    public CompletableFuture<HttpResponse<AsyncBody>> consumeBytesDirect(
        StandardHttpRequest request, AsyncBody.Consumer<List<ByteBuffer>> consumer) {
      Supplier<CompletableFuture<HttpResponse<AsyncBody>>> send =
          () -> transport.consumeBytesDirect(request, consumer);
      return isRead(request.method()) ? resent(send, RESENDS) : send.get();
    }

    @Override
    public CompletableFuture<WebSocketResponse> buildWebSocketDirect(
        StandardWebSocketBuilder builder, WebSocket.Listener listener) {
      return transport.buildWebSocketDirect(builder, listener);
    }

    @Override
    protected void doClose() {
      transport.close();
    }
  }

  private static boolean isRead(String method) {
    return "GET".equals(method) || "HEAD".equals(method);
  }

  /**
   * The answer of {@code send}, sent again up to {@code resends} times while its connection closes
   * before the answer; cancelling the result cancels the attempt under way.
   */
  static <T> CompletableFuture<T> resent(Supplier<CompletableFuture<T>> send, int resends) {
    CompletableFuture<T> result = new CompletableFuture<>();
    attempt(send, resends, result);
    return result;
  }

  private static <T> void attempt(
      Supplier<CompletableFuture<T>> send, int resends, CompletableFuture<T> result) {
    CompletableFuture<T> sent = send.get();
    result.whenComplete(
        (value, failure) -> {
          if (result.isCancelled()) {
            sent.cancel(true);
          }
        });
    sent.whenComplete(
        (value, failure) -> {
          if (failure == null) {
            result.complete(value);
          } else if (resends > 0 && closedBeforeAnswer(failure) && !result.isDone()) {
            attempt(send, resends - 1, result);
          } else {
            result.completeExceptionally(failure);
          }
        });
  }

  /** A connection that ended under the request (not one that could not be opened). */
  static boolean closedBeforeAnswer(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof HttpClosedException || t instanceof ClosedChannelException) {
        return true;
      }
      if (t instanceof SocketException && !(t instanceof ConnectException)) {
        return true;
      }
    }
    return false;
  }
}
