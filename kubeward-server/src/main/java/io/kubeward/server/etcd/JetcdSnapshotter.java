package io.kubeward.server.etcd;

import io.etcd.jetcd.api.MaintenanceGrpc;
import io.etcd.jetcd.api.SnapshotRequest;
import io.etcd.jetcd.api.SnapshotResponse;
import io.etcd.jetcd.api.StatusRequest;
import io.etcd.jetcd.api.StatusResponse;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyChannelBuilder;
import io.kubeward.etcd.app.EtcdSnapshotter;
import io.kubeward.etcd.domain.EtcdConnection;
import io.kubeward.etcd.domain.EtcdException;
import io.kubeward.etcd.domain.EtcdTls;
import io.netty.channel.ChannelOption;
import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams a snapshot from etcd's maintenance API ({@code Maintenance/Snapshot}) with jetcd's
 * generated etcd v3 API over grpc-java's Netty transport, TLS with the connection's CA and client
 * certificate (ADR 0043: why not jetcd-core's Vert.x client). gRPC's flow control bounds memory:
 * each chunk (etcd sends 32 KiB) is written to the stream before the next is asked for.
 *
 * <p>The endpoints are tried in order until one answers {@code Maintenance/Status} (which also
 * gives the revision and etcd's version); once bytes have been written the snapshot is not retried
 * elsewhere.
 */
final class JetcdSnapshotter implements EtcdSnapshotter {

  private static final Logger log = LoggerFactory.getLogger(JetcdSnapshotter.class);
  private static final int MAX_MESSAGE = 16 * 1024 * 1024;

  private final Duration connectTimeout;
  private final Duration snapshotTimeout;
  private final long maxBytes;

  JetcdSnapshotter(Duration connectTimeout, Duration snapshotTimeout, long maxBytes) {
    this.connectTimeout = connectTimeout;
    this.snapshotTimeout = snapshotTimeout;
    this.maxBytes = maxBytes;
  }

  @Override
  public Taken snapshot(String cluster, EtcdConnection connection, EtcdTls tls, OutputStream out) {
    SslContext ssl = sslContext(cluster, connection, tls);
    List<String> failures = new ArrayList<>();
    EtcdException tlsFailure = null;
    for (URI endpoint : connection.endpoints()) {
      ManagedChannel channel = channel(endpoint, ssl);
      try {
        StatusResponse status;
        try {
          status =
              MaintenanceGrpc.newBlockingStub(channel)
                  .withDeadlineAfter(connectTimeout.toMillis() * 2, TimeUnit.MILLISECONDS)
                  .status(StatusRequest.getDefaultInstance());
        } catch (StatusRuntimeException e) {
          String reason = reason(e);
          log.info("etcd {} of cluster {} did not answer: {}", endpoint, cluster, reason);
          if (isTls(e)) {
            tlsFailure = EtcdException.tlsFailed(cluster, endpoint.toString(), reason);
          }
          failures.add(endpoint + ": " + reason);
          continue;
        }
        stream(cluster, endpoint, channel, out);
        return new Taken(
            endpoint.toString(), status.getHeader().getRevision(), status.getVersion());
      } finally {
        channel.shutdownNow();
      }
    }
    if (tlsFailure != null) {
      throw tlsFailure;
    }
    throw EtcdException.unavailable(
        cluster, connection.endpointList(), String.join("; ", failures));
  }

  private void stream(String cluster, URI endpoint, ManagedChannel channel, OutputStream out) {
    try {
      Iterator<SnapshotResponse> chunks =
          MaintenanceGrpc.newBlockingStub(channel)
              .withDeadlineAfter(snapshotTimeout.toMillis(), TimeUnit.MILLISECONDS)
              .snapshot(SnapshotRequest.getDefaultInstance());
      long written = 0;
      while (chunks.hasNext()) {
        var blob = chunks.next().getBlob();
        written += blob.size();
        if (written > maxBytes) {
          throw EtcdException.unavailable(
              cluster,
              endpoint.toString(),
              "the snapshot is larger than kubeward.etcd.max-snapshot-size ("
                  + maxBytes
                  + " bytes)");
        }
        blob.writeTo(out);
      }
    } catch (StatusRuntimeException e) {
      throw EtcdException.unavailable(
          cluster, endpoint.toString(), "the snapshot stream broke off: " + reason(e));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ManagedChannel channel(URI endpoint, SslContext ssl) {
    return NettyChannelBuilder.forAddress(endpoint.getHost(), endpoint.getPort())
        .sslContext(ssl)
        .withOption(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
        .maxInboundMessageSize(MAX_MESSAGE)
        .userAgent("kubeward")
        .build();
  }

  private static SslContext sslContext(String cluster, EtcdConnection connection, EtcdTls tls) {
    try {
      return GrpcSslContexts.forClient()
          .trustManager(tls.ca().toArray(X509Certificate[]::new))
          .keyManager(tls.key(), tls.chain().toArray(X509Certificate[]::new))
          .build();
    } catch (SSLException | RuntimeException e) {
      throw EtcdException.tlsFailed(cluster, connection.endpointList(), e.getMessage());
    }
  }

  private static boolean isTls(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SSLException) {
        return true;
      }
      String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (message.contains("certificate") || message.contains("handshake")) {
        return true;
      }
    }
    return false;
  }

  /** What went wrong, in one line: gRPC's code and description and the innermost cause. */
  static String reason(StatusRuntimeException e) {
    Status status = e.getStatus();
    StringBuilder reason = new StringBuilder(status.getCode().name());
    if (status.getDescription() != null) {
      reason.append(": ").append(status.getDescription());
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root != e && root.getMessage() != null) {
      reason.append(" (").append(root.getMessage()).append(')');
    }
    String text = reason.toString().replaceAll("\\s+", " ");
    return text.length() > 500 ? text.substring(0, 500) + "…" : text;
  }
}
