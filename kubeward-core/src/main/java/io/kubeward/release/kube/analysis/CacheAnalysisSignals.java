package io.kubeward.release.kube.analysis;

import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.IndexedViews;
import io.kubeward.cluster.domain.Indexes;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.ObjectView;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.cluster.domain.Reachability;
import io.kubeward.diagnostics.domain.Finding;
import io.kubeward.release.app.analysis.AnalysisSignals;
import io.kubeward.release.domain.analysis.SignalFacts;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * {@link AnalysisSignals} over the shared informer cache (pods by the label index, Warning events
 * by the namespace index; no request to the apiserver) and the diagnostics engine's active findings
 * (every replica evaluates them, ADR 0029).
 */
public final class CacheAnalysisSignals implements AnalysisSignals {

  private static final Set<CachedKind> KINDS = Set.of(CachedKind.PODS, CachedKind.EVENTS);

  private final ClusterRegistry clusters;
  private final Predicate<String> findingsEvaluated;
  private final Function<String, List<Finding>> activeFindings;

  /**
   * @param findingsEvaluated whether the diagnostics engine has judged a cluster once
   * @param activeFindings a cluster's active findings
   */
  public CacheAnalysisSignals(
      ClusterRegistry clusters,
      Predicate<String> findingsEvaluated,
      Function<String, List<Finding>> activeFindings) {
    this.clusters = clusters;
    this.findingsEvaluated = findingsEvaluated;
    this.activeFindings = activeFindings;
  }

  @Override
  public SignalFacts observe(String cluster, String namespace, Map<String, String> labels) {
    ManagedCluster managed =
        clusters
            .find(cluster)
            .orElseThrow(
                () -> new SignalsUnavailableException("cluster " + cluster + " is unknown"));
    if (managed.reachability().state() == Reachability.State.UNREACHABLE) {
      throw new SignalsUnavailableException("cluster " + cluster + " is unreachable");
    }
    if (!managed.cacheSynced(KINDS)) {
      throw new SignalsUnavailableException(
          "the cache of cluster " + cluster + " has not listed pods and events yet");
    }
    List<SignalFacts.Pod> pods = new ArrayList<>();
    Set<String> names = new HashSet<>();
    IndexedViews<? extends KubeObjectView> podViews = managed.views(CachedKind.PODS);
    Map.Entry<String, String> first = labels.entrySet().iterator().next();
    for (String key : podViews.keys(Indexes.LABEL, first.getKey() + "=" + first.getValue())) {
      if (podViews.view(key) instanceof PodView pod
          && namespace.equals(pod.namespace())
          && pod.labels().entrySet().containsAll(labels.entrySet())) {
        pods.add(new SignalFacts.Pod(pod.name(), pod.createdAt(), ready(pod), pod.restarts()));
        names.add(pod.name());
      }
    }
    List<SignalFacts.WarningEvent> warnings = new ArrayList<>();
    if (!names.isEmpty()) {
      IndexedViews<? extends KubeObjectView> events = managed.views(CachedKind.EVENTS);
      for (String key : events.keys(Indexes.NAMESPACE, namespace)) {
        if (events.view(key) instanceof ObjectView event
            && "Warning".equals(event.status())
            && "Pod".equals(event.fields().get("objectKind"))
            && names.contains(String.valueOf(event.fields().get("objectName")))) {
          warnings.add(
              new SignalFacts.WarningEvent(
                  (String) event.fields().get("objectName"),
                  String.valueOf(event.fields().get("reason")),
                  instant(event.fields().get("lastSeen")),
                  event.fields().get("count") instanceof Number n ? n.intValue() : 1));
        }
      }
    }
    boolean evaluated = findingsEvaluated.test(cluster);
    List<SignalFacts.PodFinding> findings = new ArrayList<>();
    if (evaluated && !names.isEmpty()) {
      Collection<Finding> active = activeFindings.apply(cluster);
      for (Finding finding : active) {
        if ("Pod".equals(finding.subject().kind())
            && namespace.equals(finding.subject().namespace())
            && names.contains(finding.subject().name())) {
          findings.add(
              new SignalFacts.PodFinding(
                  finding.subject().name(), finding.rule().value(), finding.severity().name()));
        }
      }
    }
    return new SignalFacts(pods, warnings, findings, evaluated);
  }

  /** Every container ready ("2/2"), and at least one. */
  static boolean ready(PodView pod) {
    String ready = pod.ready();
    int slash = ready == null ? -1 : ready.indexOf('/');
    if (slash <= 0) {
      return false;
    }
    String have = ready.substring(0, slash);
    String want = ready.substring(slash + 1);
    return have.equals(want) && !want.equals("0");
  }

  private static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value.toString());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
