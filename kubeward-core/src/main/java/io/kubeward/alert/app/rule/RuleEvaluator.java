package io.kubeward.alert.app.rule;

import io.kubeward.alert.app.AlertRuleSource;
import io.kubeward.alert.domain.AlertLabels;
import io.kubeward.alert.domain.AlertSample;
import io.kubeward.alert.domain.rule.AnnotationTemplate;
import io.kubeward.alert.domain.rule.CompiledRule;
import io.kubeward.alert.domain.rule.MetricMeasure;
import io.kubeward.alert.domain.rule.MetricMeasure.MetricResource;
import io.kubeward.alert.domain.rule.RuleCondition;
import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.NamespaceView;
import io.kubeward.cluster.domain.NodeView;
import io.kubeward.cluster.domain.ObjectView;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.cluster.domain.Reachability;
import io.kubeward.diagnostics.domain.Finding;
import io.kubeward.diagnostics.domain.ObjectRef;
import io.kubeward.history.app.PromResult;
import io.kubeward.history.app.PromSeries;
import io.kubeward.history.app.PrometheusApi;
import io.kubeward.history.app.PrometheusConfigStore;
import io.kubeward.node.health.app.NodeHealthHistory;
import io.kubeward.node.health.domain.HealthDetection;
import io.kubeward.usage.app.UsageSnapshots;
import io.kubeward.usage.domain.MetricsSnapshot;
import io.kubeward.usage.domain.UsageAggregates;
import io.kubeward.usage.domain.UsageAmount;
import io.kubeward.usage.domain.UsageNamespace;
import io.kubeward.usage.domain.UsageNode;
import io.kubeward.usage.domain.UsageOverview;
import io.kubeward.usage.domain.UsagePod;
import io.kubeward.usage.domain.UsageQuota;
import io.kubeward.usage.domain.UsageVisibility;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The rules part's {@link AlertRuleSource}: the rules the controllers accepted ({@link
 * AlertRuleSet}) and the evaluation of their conditions over Kubeward's own views of the cluster
 * (findings, node health, the cache and the metrics snapshot, the configured Prometheus, the
 * apiserver's certificate). A condition that cannot be judged answers a failed evaluation, so the
 * engine keeps the rule's alerts as they are.
 */
public final class RuleEvaluator implements AlertRuleSource {

  private static final System.Logger log = System.getLogger(RuleEvaluator.class.getName());

  private final AlertRuleSet ruleSet;
  private final ClusterRegistry clusters;
  private final ActiveFindings findings;
  private final NodeHealthHistory nodeHealth;
  private final UsageSnapshots usage;
  private final PrometheusConfigStore prometheusConfigs;
  private final PrometheusApi prometheus;
  private final ApiserverCertificates certificates;
  private final RuleSettings settings;

  public RuleEvaluator(
      AlertRuleSet ruleSet,
      ClusterRegistry clusters,
      ActiveFindings findings,
      NodeHealthHistory nodeHealth,
      UsageSnapshots usage,
      PrometheusConfigStore prometheusConfigs,
      PrometheusApi prometheus,
      ApiserverCertificates certificates,
      RuleSettings settings) {
    this.ruleSet = ruleSet;
    this.clusters = clusters;
    this.findings = findings;
    this.nodeHealth = nodeHealth;
    this.usage = usage;
    this.prometheusConfigs = prometheusConfigs;
    this.prometheus = prometheus;
    this.certificates = certificates;
    this.settings = settings;
  }

  @Override
  public List<LoadedAlertRule> rules(String cluster) {
    return ruleSet.rules(cluster).stream().map(LoadedAlertRule::new).toList();
  }

  @Override
  public boolean ready(String cluster) {
    return ruleSet.ready(cluster);
  }

  @Override
  public Evaluation evaluate(String cluster, LoadedRule loaded, Instant now) {
    CompiledRule rule =
        loaded instanceof LoadedAlertRule l
            ? l.rule()
            : ruleSet.rules(cluster).stream()
                .filter(r -> r.key().equals(loaded.key()))
                .findFirst()
                .orElse(null);
    if (rule == null) {
      return Evaluation.failed("rule " + loaded.key() + " is not known in cluster " + cluster);
    }
    return evaluate(cluster, rule, now);
  }

  /**
   * Evaluates a compiled rule (also one not in the set); a failure of its source (Prometheus, the
   * apiserver) is a failed evaluation, never an exception.
   */
  public Evaluation evaluate(String cluster, CompiledRule rule, Instant now) {
    try {
      return evaluateOrThrow(cluster, rule, now);
    } catch (RuntimeException e) {
      log.log(System.Logger.Level.DEBUG, "Rule " + rule.key() + " in " + cluster + " failed", e);
      return Evaluation.failed(e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }

  private Evaluation evaluateOrThrow(String cluster, CompiledRule rule, Instant now) {
    Samples out = new Samples(cluster, rule, settings.maxSamples());
    String failure =
        switch (rule.condition()) {
          case RuleCondition.FindingMatch f -> findings(cluster, f, out);
          case RuleCondition.NodeHealthMatch n -> nodeHealth(cluster, n, out);
          case RuleCondition.MetricThreshold m -> metric(cluster, m, out);
          case RuleCondition.PromqlQuery q -> promql(cluster, q, now, out);
          case RuleCondition.CertificateExpiry c -> certificate(cluster, c, now, out);
        };
    if (failure != null) {
      return Evaluation.failed(failure);
    }
    if (out.dropped > 0) {
      log.log(
          System.Logger.Level.WARNING,
          "Rule {0} in {1}: {2} samples left out (kubeward.alerting.rules.max-samples)",
          rule.key(),
          cluster,
          out.dropped);
    }
    return Evaluation.of(out.samples);
  }

  // ------------------------------------------------------------------ finding

  private @Nullable String findings(String cluster, RuleCondition.FindingMatch f, Samples out) {
    ManagedCluster managed = synced(cluster);
    if (managed == null) {
      return notSynced(cluster);
    }
    if (!findings.evaluated(cluster)) {
      return "diagnostics have not evaluated cluster " + cluster + " yet";
    }
    for (Finding finding : findings.active(cluster)) {
      ObjectRef subject = finding.subject();
      if (!f.rules().isEmpty() && !f.rules().contains(finding.rule())) {
        continue;
      }
      if (!f.severities().isEmpty() && !f.severities().contains(finding.severity())) {
        continue;
      }
      if (!f.kinds().isEmpty() && !f.kinds().contains(subject.kind())) {
        continue;
      }
      if (!f.namespaces().isEmpty()
          && (subject.namespace() == null || !f.namespaces().contains(subject.namespace()))) {
        continue;
      }
      KubeObjectView view = view(managed, subject);
      if (!f.selector().isEmpty() && (view == null || !f.selector().matches(view.labels()))) {
        continue;
      }
      Map<String, String> labels = new LinkedHashMap<>();
      if (subject.namespace() != null) {
        labels.put(AlertLabels.NAMESPACE, subject.namespace());
      }
      labels.put(AlertLabels.KIND, subject.kind());
      labels.put(AlertLabels.NAME, subject.name());
      if ("Pod".equals(subject.kind())) {
        labels.put(AlertLabels.POD, subject.name());
        if (view instanceof PodView pod && pod.nodeName() != null) {
          labels.put(AlertLabels.NODE, pod.nodeName());
        }
      } else if ("Node".equals(subject.kind())) {
        labels.put(AlertLabels.NODE, subject.name());
      }
      labels.put("finding_rule", finding.rule().value());
      Map<String, String> defaults = new LinkedHashMap<>();
      defaults.put(AlertLabels.SUMMARY, finding.title().en());
      defaults.put(AlertLabels.SUMMARY + AlertLabels.ZH_SUFFIX, finding.title().zh());
      defaults.put(AlertLabels.DESCRIPTION, finding.explanation().en());
      defaults.put(AlertLabels.DESCRIPTION + AlertLabels.ZH_SUFFIX, finding.explanation().zh());
      defaults.put(AlertLabels.RUNBOOK_URL, finding.runbook());
      out.add(labels, null, describe(subject), finding.runbook(), defaults);
    }
    return null;
  }

  private static String describe(ObjectRef subject) {
    return subject.namespace() == null
        ? subject.kind() + " " + subject.name()
        : subject.kind() + " " + subject.namespace() + "/" + subject.name();
  }

  private static @Nullable KubeObjectView view(ManagedCluster cluster, ObjectRef subject) {
    for (CachedKind kind : CachedKind.values()) {
      if (kind.kind().equals(subject.kind())) {
        try {
          return cluster
              .views(kind)
              .view(
                  subject.namespace() == null
                      ? subject.name()
                      : subject.namespace() + "/" + subject.name());
        } catch (UnsupportedOperationException e) {
          return null;
        }
      }
    }
    return null;
  }

  // ------------------------------------------------------------------ nodeHealth

  private @Nullable String nodeHealth(
      String cluster, RuleCondition.NodeHealthMatch n, Samples out) {
    ManagedCluster managed = synced(cluster);
    if (managed == null) {
      return notSynced(cluster);
    }
    for (HealthDetection d : nodeHealth.detections(cluster, null, Boolean.TRUE)) {
      if (!d.active() || (!n.types().isEmpty() && !n.types().contains(d.type()))) {
        continue;
      }
      if (!n.selector().isEmpty()) {
        KubeObjectView node = view(managed, ObjectRef.of("Node", null, d.node()));
        if (node == null || !n.selector().matches(node.labels())) {
          continue;
        }
      }
      Map<String, String> labels = new LinkedHashMap<>();
      labels.put(AlertLabels.NODE, d.node());
      labels.put("type", d.type().name());
      Map<String, String> defaults = new LinkedHashMap<>();
      if (d.message() != null) {
        defaults.put(AlertLabels.DESCRIPTION, d.message());
      }
      out.add(labels, null, "Node " + d.node(), null, defaults);
    }
    return null;
  }

  // ------------------------------------------------------------------ metric

  @SuppressWarnings("unchecked")
  private @Nullable String metric(String cluster, RuleCondition.MetricThreshold m, Samples out) {
    ManagedCluster managed = synced(cluster);
    if (managed == null) {
      return notSynced(cluster);
    }
    MetricsSnapshot metrics = usage.current(cluster);
    if (m.measure().needsUsage() && m.resource() != MetricResource.pods && !metrics.available()) {
      return "no metrics source answers in cluster " + cluster;
    }
    Collection<NodeView> nodes = (Collection<NodeView>) managed.views(CachedKind.NODES).all();
    Collection<PodView> pods = (Collection<PodView>) managed.views(CachedKind.PODS).all();
    switch (m.target()) {
      case node -> {
        Map<String, NodeView> byName = new HashMap<>();
        nodes.forEach(n -> byName.put(n.name(), n));
        for (UsageNode row :
            UsageAggregates.nodes(cluster, metrics, nodes, pods, UsageVisibility.ALL).items()) {
          NodeView view = byName.get(row.name());
          if (view == null || !m.selector().matches(view.labels())) {
            continue;
          }
          Double value =
              m.resource() == MetricResource.pods
                  ? count(row.pods().count(), row.pods().allocatable(), m.measure())
                  : amount(m.resource() == MetricResource.cpu ? row.cpu() : row.memory(), m);
          compare(m, value, Map.of(AlertLabels.NODE, row.name()), "Node " + row.name(), out);
        }
      }
      case namespace -> {
        Collection<NamespaceView> namespaces =
            (Collection<NamespaceView>) managed.views(CachedKind.NAMESPACES).all();
        Map<String, NamespaceView> byName = new HashMap<>();
        namespaces.forEach(n -> byName.put(n.name(), n));
        Collection<ObjectView> quotas =
            (Collection<ObjectView>) managed.views(CachedKind.RESOURCEQUOTAS).all();
        for (UsageNamespace row :
            UsageAggregates.namespaces(
                    cluster, metrics, namespaces, pods, quotas, UsageVisibility.ALL)
                .items()) {
          NamespaceView view = byName.get(row.name());
          if ((!m.namespaces().isEmpty() && !m.namespaces().contains(row.name()))
              || (!m.selector().isEmpty()
                  && (view == null || !m.selector().matches(view.labels())))) {
            continue;
          }
          Double value;
          if (m.measure() == MetricMeasure.usedOfQuota) {
            value = quota(row.quotas(), m.resource());
          } else if (m.resource() == MetricResource.pods) {
            value = count(row.pods(), null, m.measure());
          } else {
            value = amount(m.resource() == MetricResource.cpu ? row.cpu() : row.memory(), m);
          }
          compare(
              m, value, Map.of(AlertLabels.NAMESPACE, row.name()), "Namespace " + row.name(), out);
        }
      }
      case pod -> {
        for (PodView pod : pods) {
          if (!pod.holdsResources()
              || (!m.namespaces().isEmpty() && !m.namespaces().contains(pod.namespace()))
              || !m.selector().matches(pod.labels())) {
            continue;
          }
          Double value;
          if (m.resource() == MetricResource.pods) {
            value = count(1, null, m.measure());
          } else {
            UsagePod row = UsageAggregates.pod(pod, metrics, UsageVisibility.ALL);
            value = amount(m.resource() == MetricResource.cpu ? row.cpu() : row.memory(), m);
          }
          Map<String, String> labels = new LinkedHashMap<>();
          labels.put(AlertLabels.NAMESPACE, pod.namespace());
          labels.put(AlertLabels.POD, pod.name());
          if (pod.nodeName() != null) {
            labels.put(AlertLabels.NODE, pod.nodeName());
          }
          compare(m, value, labels, "Pod " + pod.namespace() + "/" + pod.name(), out);
        }
      }
      case cluster -> {
        UsageOverview overview =
            UsageAggregates.overview(cluster, metrics, nodes, pods, UsageVisibility.ALL);
        Double value =
            m.resource() == MetricResource.pods
                ? count(overview.pods().count(), overview.pods().allocatable(), m.measure())
                : amount(
                    m.resource() == MetricResource.cpu ? overview.cpu() : overview.memory(), m);
        compare(m, value, Map.of(), "Cluster " + cluster, out);
      }
    }
    return null;
  }

  private static void compare(
      RuleCondition.MetricThreshold m,
      @Nullable Double value,
      Map<String, String> labels,
      String object,
      Samples out) {
    if (value != null && !value.isNaN() && m.operator().holds(value, m.threshold())) {
      out.add(labels, value, object, null, Map.of());
    }
  }

  private static @Nullable Double count(
      long count, @Nullable Long allocatable, MetricMeasure measure) {
    return switch (measure) {
      case used -> (double) count;
      case usedOfAllocatable -> ratio(count, allocatable);
      default -> null;
    };
  }

  private static @Nullable Double amount(UsageAmount a, RuleCondition.MetricThreshold m) {
    return switch (m.measure()) {
      case used -> a.used() == null ? null : a.used().doubleValue();
      case requests -> (double) a.requested();
      case limits -> (double) a.limits();
      case usedOfAllocatable -> a.used() == null ? null : ratio(a.used(), a.allocatable());
      case requestsOfAllocatable -> ratio(a.requested(), a.allocatable());
      case limitsOfAllocatable -> ratio(a.limits(), a.allocatable());
      case usedOfRequests -> a.used() == null ? null : ratio(a.used(), a.requested());
      case usedOfLimits -> a.used() == null ? null : ratio(a.used(), a.limits());
      case usedOfQuota -> null;
    };
  }

  private static @Nullable Double ratio(long part, @Nullable Long whole) {
    return whole == null || whole <= 0 ? null : (double) part / whole;
  }

  /** The largest part of a hard limit used among the quotas of the resource. */
  static @Nullable Double quota(List<UsageQuota> quotas, MetricResource resource) {
    Set<String> names =
        switch (resource) {
          case cpu -> Set.of("cpu", "requests.cpu", "limits.cpu");
          case memory -> Set.of("memory", "requests.memory", "limits.memory");
          case pods -> Set.of("pods", "count/pods");
        };
    Double max = null;
    for (UsageQuota q : quotas) {
      if (names.contains(q.resource()) && q.hard() > 0) {
        double r = (double) q.used() / q.hard();
        max = max == null ? r : Math.max(max, r);
      }
    }
    return max;
  }

  // ------------------------------------------------------------------ promql

  private @Nullable String promql(
      String cluster, RuleCondition.PromqlQuery q, Instant now, Samples out) {
    PrometheusConfigStore.Stored stored = prometheusConfigs.find(cluster).orElse(null);
    if (stored == null) {
      return "no Prometheus is configured for cluster " + cluster;
    }
    PromResult result = prometheus.query(cluster, stored.settings(), q.expr(), now);
    switch (result.resultType()) {
      case "vector" -> {
        for (PromSeries series : result.series()) {
          if (series.points().isEmpty()) {
            continue;
          }
          Map<String, String> labels = new TreeMap<>();
          series
              .labels()
              .forEach(
                  (k, v) -> {
                    if (k.equals("__name__")) {
                      return;
                    }
                    labels.put(
                        io.kubeward.alert.domain.rule.AlertRuleValidation.RESERVED_LABELS.contains(
                                k)
                            ? "exported_" + k
                            : k,
                        v);
                  });
          double value = series.points().getLast().v();
          out.add(labels, value, labels.toString(), null, Map.of());
        }
        if (result.truncated()) {
          log.log(
              System.Logger.Level.WARNING,
              "PromQL rule in {0}: Prometheus' answer was truncated",
              cluster);
        }
        return null;
      }
      case "scalar" -> {
        return "the expression gives a scalar: an alert needs an instant vector (e.g. vector(x) > 0)";
      }
      default -> {
        return "the expression gives a "
            + result.resultType()
            + ": an alert needs an instant vector";
      }
    }
  }

  // ------------------------------------------------------------------ certificate

  private @Nullable String certificate(
      String cluster, RuleCondition.CertificateExpiry c, Instant now, Samples out) {
    Instant notAfter = certificates.notAfter(cluster);
    Duration left = Duration.between(now, notAfter);
    if (left.compareTo(c.expiresWithin()) <= 0) {
      double days = Math.max(0, left.toSeconds()) / 86_400.0;
      Map<String, String> defaults = new LinkedHashMap<>();
      defaults.put("expires_at", notAfter.toString());
      out.add(Map.of(), Math.floor(days * 10) / 10, "the apiserver of " + cluster, null, defaults);
    }
    return null;
  }

  // ------------------------------------------------------------------ helpers

  private @Nullable ManagedCluster synced(String cluster) {
    ManagedCluster managed = clusters.find(cluster).orElse(null);
    if (managed == null
        || !managed.cacheSynced()
        || managed.reachability().state() == Reachability.State.UNREACHABLE) {
      return null;
    }
    return managed;
  }

  private static String notSynced(String cluster) {
    return "cluster " + cluster + " is unknown, unreachable or its cache is not synced";
  }

  /** The samples of one evaluation, with their annotations rendered. */
  private static final class Samples {
    final String cluster;
    final CompiledRule rule;
    final int max;
    final List<AlertSample> samples = new ArrayList<>();
    int dropped;

    Samples(String cluster, CompiledRule rule, int max) {
      this.cluster = cluster;
      this.rule = rule;
      this.max = max;
    }

    /**
     * @param defaults annotations the condition offers where the rule has none of that name
     */
    void add(
        Map<String, String> labels,
        @Nullable Double value,
        @Nullable String object,
        @Nullable String conditionRunbook,
        Map<String, String> defaults) {
      if (samples.size() >= max) {
        dropped++;
        return;
      }
      Map<String, String> all = new HashMap<>(labels);
      all.putAll(rule.labels());
      all.put(AlertLabels.ALERTNAME, rule.alertName());
      all.put(AlertLabels.CLUSTER, cluster);
      all.put(AlertLabels.SEVERITY, rule.severity().label());
      all.put(AlertLabels.RULE, rule.key().value());
      String runbook = conditionRunbook;
      AnnotationTemplate runbookTemplate = rule.annotations().get(AlertLabels.RUNBOOK_URL);
      if (runbook == null && runbookTemplate != null) {
        runbook = runbookTemplate.render(new AnnotationTemplate.Context(all, value, object, null));
      }
      AnnotationTemplate.Context context =
          new AnnotationTemplate.Context(all, value, object, runbook);
      Map<String, String> annotations = new LinkedHashMap<>(defaults);
      rule.annotations()
          .forEach((name, template) -> annotations.put(name, template.render(context)));
      if (rule.annotations().containsKey(AlertLabels.SUMMARY)
          && !rule.annotations().containsKey(AlertLabels.SUMMARY + AlertLabels.ZH_SUFFIX)) {
        annotations.remove(AlertLabels.SUMMARY + AlertLabels.ZH_SUFFIX);
      }
      if (rule.annotations().containsKey(AlertLabels.DESCRIPTION)
          && !rule.annotations().containsKey(AlertLabels.DESCRIPTION + AlertLabels.ZH_SUFFIX)) {
        annotations.remove(AlertLabels.DESCRIPTION + AlertLabels.ZH_SUFFIX);
      }
      samples.add(new AlertSample(labels, annotations, value));
    }
  }
}
