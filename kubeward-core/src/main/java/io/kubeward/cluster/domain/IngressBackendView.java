package io.kubeward.cluster.domain;

import org.jspecify.annotations.Nullable;

/**
 * A Service backend of an Ingress: the host and path of its rule (both {@code null} and {@code
 * defaultBackend} for {@code spec.defaultBackend}), the Service's name and its port by number or by
 * name.
 */
public record IngressBackendView(
    @Nullable String host,
    @Nullable String path,
    boolean defaultBackend,
    String service,
    @Nullable Integer portNumber,
    @Nullable String portName) {

  /** The port as written: the number, else the name, else "". */
  public String port() {
    return portNumber != null ? String.valueOf(portNumber) : portName == null ? "" : portName;
  }

  /** Where the backend is used, as kubectl describe writes it ({@code host/path} or default). */
  public String where() {
    if (defaultBackend) {
      return "default backend";
    }
    return (host == null ? "*" : host) + (path == null ? "" : path);
  }
}
