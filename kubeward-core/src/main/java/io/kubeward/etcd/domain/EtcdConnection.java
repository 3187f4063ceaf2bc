package io.kubeward.etcd.domain;

import java.net.URI;
import java.util.List;

/**
 * How Kubeward reaches a cluster's etcd: its client endpoints ({@code https://host:port}), the CA
 * that signed etcd's serving certificate, and the client certificate and key etcd trusts (PEM).
 * Where the snapshots go ({@code location}, a storage location of ADR 0040) and how many are kept
 * ({@code retain}). The key is a secret: {@link #toString()} never shows it.
 */
public record EtcdConnection(
    List<URI> endpoints, String caPem, String certPem, String keyPem, String location, int retain) {

  public EtcdConnection {
    endpoints = List.copyOf(endpoints);
  }

  /** The endpoints as one comma-separated string, for messages. */
  public String endpointList() {
    return String.join(", ", endpoints.stream().map(URI::toString).toList());
  }

  @Override
  public String toString() {
    return "EtcdConnection[endpoints="
        + endpoints
        + ", location="
        + location
        + ", retain="
        + retain
        + ", key=<hidden>]";
  }
}
