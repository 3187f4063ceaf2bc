package io.kubeward.usage.domain;

import org.jspecify.annotations.Nullable;

/**
 * Where the live numbers of a {@link MetricsSnapshot} come from: the Kubernetes metrics API ({@code
 * metrics.k8s.io}, served by metrics-server), or nothing, with the reason.
 *
 * @param detail the technical cause when there is no source (the apiserver's message, for logs and
 *     administrators), {@code null} otherwise
 */
public record MetricsSource(Kind kind, @Nullable Reason reason, @Nullable String detail) {

  /** The command that installs metrics-server, shown where no metrics source answers. */
  public static final String INSTALL_HINT =
      "kubectl apply -f"
          + " https://github.com/kubernetes-sigs/metrics-server/releases/latest/download/components.yaml";

  private static final MetricsSource METRICS_API = new MetricsSource(Kind.METRICS_API, null, null);

  /** The kinds of source, as the API writes them. */
  public enum Kind {
    METRICS_API("metrics-api"),
    NONE("none");

    private final String apiName;

    Kind(String apiName) {
      this.apiName = apiName;
    }

    public String apiName() {
      return apiName;
    }
  }

  /** Why no live numbers are there (each has a message in the server's bundles). */
  public enum Reason {
    /** The metrics API is not registered (404): metrics-server is not installed. */
    NOT_INSTALLED("not-installed"),
    /** The metrics API is registered but its server does not answer (503 from the aggregator). */
    UNAVAILABLE("unavailable"),
    /** The metrics API did not answer in time. */
    TIMED_OUT("timed-out"),
    /** Kubeward's own account may not list {@code metrics.k8s.io} nodes or pods (401/403). */
    FORBIDDEN("forbidden"),
    /** Any other failure (a malformed answer, the cluster unreachable). */
    FAILED("failed");

    private final String code;

    Reason(String code) {
      this.code = code;
    }

    /** The stable code ({@code not-installed}), part of the API. */
    public String code() {
      return code;
    }
  }

  public static MetricsSource metricsApi() {
    return METRICS_API;
  }

  public static MetricsSource none(Reason reason, String detail) {
    return new MetricsSource(Kind.NONE, reason, detail);
  }

  public boolean available() {
    return kind == Kind.METRICS_API;
  }
}
