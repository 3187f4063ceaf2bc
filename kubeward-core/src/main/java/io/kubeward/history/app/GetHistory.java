package io.kubeward.history.app;

import io.kubeward.access.app.AccessDeniedException;
import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.ResourceAction;
import io.kubeward.access.domain.Verb;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.history.domain.History;
import io.kubeward.history.domain.HistoryTarget;
import io.kubeward.history.domain.HistoryWindow;
import io.kubeward.history.domain.SourceKind;
import io.kubeward.history.domain.TargetKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Use case: the history of a cluster, node, namespace, workload or pod. Who may see it, as for live
 * usage (ADR 0019): the cluster's and nodes' history whoever may list nodes and their metrics
 * ({@code metrics.k8s.io}); a namespace's, workload's or pod's whoever may list pods and pod
 * metrics in that namespace (the cluster's answer for the caller, ADR 0013). The source is the
 * cluster's Prometheus when one is configured, else the built-in history when it has samples, else
 * none (with a message saying what to install).
 */
public final class GetHistory {

  /** What the API gives; validated here. */
  public record Request(
      String target,
      String name,
      String namespace,
      String kind,
      String range,
      Instant start,
      Instant end) {}

  /** Why there is no source, as a code (localized by the edges) and in English. */
  public static final String NO_SOURCE = "no-source";

  private static final ResourceAction LIST_NODES = ResourceAction.of("list", "", "nodes", null);
  private static final ResourceAction LIST_NODE_METRICS =
      ResourceAction.of("list", "metrics.k8s.io", "nodes", null);

  private final ClusterReads reads;
  private final Authorizer authorizer;
  private final PrometheusHistory prometheus;
  private final BuiltInHistory builtIn;
  private final HistorySettings settings;
  private final Clock clock;

  public GetHistory(
      ClusterReads reads,
      Authorizer authorizer,
      PrometheusHistory prometheus,
      BuiltInHistory builtIn,
      HistorySettings settings,
      Clock clock) {
    this.reads = reads;
    this.authorizer = authorizer;
    this.prometheus = prometheus;
    this.builtIn = builtIn;
    this.settings = settings;
    this.clock = clock;
  }

  public History get(Caller caller, String cluster, Request request) {
    reads.known(cluster);
    HistoryTarget target = target(request);
    requireVisible(caller, cluster, target);
    HistorySource source = sourceOf(cluster);
    Duration minStep = source == null ? settings.sampleInterval() : source.minStep();
    HistoryWindow window;
    try {
      window =
          HistoryWindow.of(
              request.range(),
              request.start(),
              request.end(),
              clock.instant(),
              minStep,
              settings.maxRange());
    } catch (IllegalArgumentException e) {
      throw HistoryRequestException.invalid("range", e.getMessage());
    }
    if (source == null) {
      return new History(SourceKind.NONE, window, List.of(), List.of(), NO_SOURCE);
    }
    return source.history(cluster, target, window);
  }

  /** The source of a cluster's history now, or {@code null} for none. */
  HistorySource sourceOf(String cluster) {
    if (prometheus.configured(cluster)) {
      return prometheus;
    }
    if (settings.enabled() && builtIn.hasData(cluster)) {
      return builtIn;
    }
    return null;
  }

  private void requireVisible(Caller caller, String cluster, HistoryTarget target) {
    boolean allowed =
        switch (target.kind()) {
          case CLUSTER, NODE ->
              authorizer.mayList(caller, cluster, LIST_NODES)
                  && authorizer.mayList(caller, cluster, LIST_NODE_METRICS);
          case NAMESPACE, WORKLOAD, POD, CONTAINER ->
              authorizer.mayDo(
                      caller, cluster, ResourceAction.of("list", "", "pods", target.namespace()))
                  && authorizer.mayDo(
                      caller,
                      cluster,
                      ResourceAction.of("list", "metrics.k8s.io", "pods", target.namespace()));
        };
    if (!allowed) {
      throw new AccessDeniedException(caller.username(), Verb.READ, cluster, target.namespace());
    }
  }

  static HistoryTarget target(Request request) {
    TargetKind kind = TargetKind.fromWire(request.target() == null ? "cluster" : request.target());
    if (kind == null || kind == TargetKind.CONTAINER) {
      throw HistoryRequestException.invalid(
          "target", "must be one of cluster, node, namespace, workload, pod");
    }
    try {
      return new HistoryTarget(kind, request.name(), request.namespace(), request.kind());
    } catch (IllegalArgumentException e) {
      throw HistoryRequestException.invalid("target", e.getMessage());
    }
  }
}
