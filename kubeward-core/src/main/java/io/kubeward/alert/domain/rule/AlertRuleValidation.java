package io.kubeward.alert.domain.rule;

import io.kubeward.alert.domain.AlertLabels;
import io.kubeward.alert.domain.AlertSeverity;
import io.kubeward.alert.domain.RuleKey;
import io.kubeward.alert.domain.rule.AlertRuleSpec.RuleSelector;
import io.kubeward.alert.domain.rule.MetricMeasure.Comparison;
import io.kubeward.alert.domain.rule.MetricMeasure.MetricResource;
import io.kubeward.alert.domain.rule.MetricMeasure.MetricTarget;
import io.kubeward.cluster.domain.LabelSelector;
import io.kubeward.common.Names;
import io.kubeward.diagnostics.domain.RuleId;
import io.kubeward.diagnostics.domain.Severity;
import io.kubeward.maintenance.domain.GoDuration;
import io.kubeward.node.health.domain.NodeHealthType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one validator of alert rules: the REST API runs it before it writes an object, the controller
 * on every object it reconciles (its {@code Accepted} condition says what it found). Every number
 * and text a user gives is bounded. A namespaced {@code AlertRule} sees only its namespace: its
 * {@code finding} and {@code metric} conditions are confined to it, and conditions about the whole
 * cluster ({@code nodeHealth}, {@code promql}, {@code apiserverCertificate}, metric targets {@code
 * node} and {@code cluster}) are refused.
 */
public final class AlertRuleValidation {

  public static final Duration MAX_FOR = Duration.ofHours(24);
  public static final Duration MIN_EXPIRES_WITHIN = Duration.ofHours(1);
  public static final Duration MAX_EXPIRES_WITHIN = Duration.ofDays(3650);
  public static final int MAX_LABELS = 32;
  public static final int MAX_ANNOTATIONS = 32;
  public static final int MAX_LABEL_VALUE = 1_024;
  public static final int MAX_LIST = 64;
  public static final int MAX_PROMQL = 4_096;

  /** Labels the engine sets: a rule may not set them. */
  public static final Set<String> RESERVED_LABELS =
      Set.of(AlertLabels.ALERTNAME, AlertLabels.CLUSTER, AlertLabels.SEVERITY, AlertLabels.RULE);

  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]{0,62}");
  private static final Pattern ANNOTATION_NAME =
      Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]{0,62}(\\.zh-CN)?");
  private static final Pattern KIND = Pattern.compile("[A-Z][A-Za-z0-9]{0,62}");

  /** The verdict: the compiled rule when there is no problem. */
  public record Verdict(List<RuleProblem> problems, @Nullable CompiledRule rule) {
    public boolean valid() {
      return problems.isEmpty();
    }
  }

  private AlertRuleValidation() {}

  /**
   * Validates one object.
   *
   * @param namespace the object's namespace, {@code null} for a ClusterAlertRule
   */
  public static Verdict validate(
      RuleKind kind,
      @Nullable String namespace,
      String name,
      @Nullable AlertRuleSpec spec,
      long generation) {
    Problems p = new Problems();
    if (name == null || !Names.isObjectName(name) || name.length() > Names.MAX_LABEL) {
      p.add("metadata.name", "must be a DNS label (lower-case letters, digits, '-'; at most 63)");
    }
    if (kind.namespaced() && (namespace == null || !Names.isNamespace(namespace))) {
      p.add("metadata.namespace", "an AlertRule needs a namespace");
    }
    if (!kind.namespaced() && namespace != null) {
      p.add("metadata.namespace", "a ClusterAlertRule has no namespace");
    }
    if (spec == null) {
      p.add("spec", "is required");
      return new Verdict(p.list, null);
    }
    AlertSeverity severity = severity(spec.severity(), p);
    Duration forDuration = forDuration(spec.forDuration(), p);
    SortedLabels labels = labels(spec.labels(), p);
    Map<String, AnnotationTemplate> annotations = annotations(spec.annotations(), p);
    RuleCondition condition = condition(spec.condition(), kind.namespaced() ? namespace : null, p);
    if (!p.list.isEmpty()) {
      return new Verdict(p.list, null);
    }
    RuleKey key = new RuleKey(kind.namespaced() ? namespace : null, name);
    return new Verdict(
        List.of(),
        new CompiledRule(
            kind,
            key,
            spec.enabledOrDefault(),
            severity,
            forDuration,
            condition,
            labels.map,
            annotations,
            generation));
  }

  private static final class Problems {
    final List<RuleProblem> list = new ArrayList<>();

    void add(String field, String message) {
      if (list.size() < 50) {
        list.add(new RuleProblem(field, message));
      }
    }
  }

  private record SortedLabels(TreeMap<String, String> map) {}

  private static AlertSeverity severity(@Nullable String value, Problems p) {
    if (value == null || value.isBlank()) {
      p.add("spec.severity", "is required: critical, warning or info");
      return AlertSeverity.WARNING;
    }
    return AlertSeverity.ofLabel(value.strip())
        .orElseGet(
            () -> {
              p.add("spec.severity", "must be critical, warning or info");
              return AlertSeverity.WARNING;
            });
  }

  private static Duration forDuration(@Nullable String value, Problems p) {
    if (value == null || value.isBlank()) {
      return Duration.ZERO;
    }
    try {
      Duration d = GoDuration.parse(value);
      if (d.isNegative() || d.compareTo(MAX_FOR) > 0) {
        p.add("spec.for", "must lie between 0s and 24h");
      }
      return d;
    } catch (IllegalArgumentException e) {
      p.add("spec.for", e.getMessage());
      return Duration.ZERO;
    }
  }

  private static SortedLabels labels(@Nullable Map<String, String> labels, Problems p) {
    TreeMap<String, String> out = new TreeMap<>();
    if (labels == null) {
      return new SortedLabels(out);
    }
    if (labels.size() > MAX_LABELS) {
      p.add("spec.labels", "at most " + MAX_LABELS + " labels");
    }
    labels.forEach(
        (k, v) -> {
          String field = "spec.labels." + k;
          if (k == null || !LABEL_NAME.matcher(k).matches() || k.startsWith("__")) {
            p.add(field, "a label name is [a-zA-Z_][a-zA-Z0-9_]* (at most 63), not __*");
          } else if (RESERVED_LABELS.contains(k)) {
            p.add(field, "is set by Kubeward: " + String.join(", ", sorted(RESERVED_LABELS)));
          } else if (v == null || v.length() > MAX_LABEL_VALUE) {
            p.add(field, "needs a value of at most " + MAX_LABEL_VALUE + " characters");
          } else {
            out.put(k, v);
          }
        });
    return new SortedLabels(out);
  }

  private static Map<String, AnnotationTemplate> annotations(
      @Nullable Map<String, String> annotations, Problems p) {
    Map<String, AnnotationTemplate> out = new LinkedHashMap<>();
    if (annotations == null) {
      return out;
    }
    if (annotations.size() > MAX_ANNOTATIONS) {
      p.add("spec.annotations", "at most " + MAX_ANNOTATIONS + " annotations");
    }
    annotations.forEach(
        (k, v) -> {
          String field = "spec.annotations." + k;
          if (k == null || !ANNOTATION_NAME.matcher(k).matches()) {
            p.add(field, "an annotation name is [a-zA-Z_][a-zA-Z0-9_]*, optionally with .zh-CN");
            return;
          }
          try {
            out.put(k, AnnotationTemplate.parse(v));
          } catch (IllegalArgumentException e) {
            p.add(field, e.getMessage());
          }
        });
    return out;
  }

  private static @Nullable RuleCondition condition(
      AlertRuleSpec.@Nullable AlertCondition c, @Nullable String namespace, Problems p) {
    if (c == null) {
      p.add("spec.condition", "is required: one of " + CONDITIONS);
      return null;
    }
    int set = 0;
    for (Object o :
        new Object[] {
          c.finding(), c.nodeHealth(), c.metric(), c.promql(), c.apiserverCertificate()
        }) {
      if (o != null) {
        set++;
      }
    }
    if (set != 1) {
      p.add("spec.condition", "needs exactly one of " + CONDITIONS + ", has " + set);
      return null;
    }
    boolean namespaced = namespace != null;
    if (c.finding() != null) {
      return finding(c.finding(), namespace, p);
    }
    if (c.nodeHealth() != null) {
      if (namespaced) {
        p.add("spec.condition.nodeHealth", "is about nodes: use a ClusterAlertRule");
      }
      return nodeHealth(c.nodeHealth(), p);
    }
    if (c.metric() != null) {
      return metric(c.metric(), namespace, p);
    }
    if (c.promql() != null) {
      if (namespaced) {
        p.add(
            "spec.condition.promql",
            "reads every namespace's data: use a ClusterAlertRule (administrators)");
      }
      String expr = c.promql().expr();
      if (expr == null || expr.isBlank()) {
        p.add("spec.condition.promql.expr", "is required");
      } else if (expr.length() > MAX_PROMQL) {
        p.add("spec.condition.promql.expr", "at most " + MAX_PROMQL + " characters");
      }
      return new RuleCondition.PromqlQuery(expr == null ? "" : expr.strip());
    }
    if (namespaced) {
      p.add("spec.condition.apiserverCertificate", "is about the cluster: use a ClusterAlertRule");
    }
    String within = c.apiserverCertificate().expiresWithin();
    String field = "spec.condition.apiserverCertificate.expiresWithin";
    if (within == null || within.isBlank()) {
      p.add(field, "is required (e.g. 720h)");
      return null;
    }
    try {
      Duration d = GoDuration.parse(within);
      if (d.compareTo(MIN_EXPIRES_WITHIN) < 0 || d.compareTo(MAX_EXPIRES_WITHIN) > 0) {
        p.add(field, "must lie between 1h and 87600h");
      }
      return new RuleCondition.CertificateExpiry(d);
    } catch (IllegalArgumentException e) {
      p.add(field, e.getMessage());
      return null;
    }
  }

  private static final String CONDITIONS =
      "finding, nodeHealth, metric, promql, apiserverCertificate";

  private static RuleCondition finding(
      AlertRuleSpec.FindingCondition f, @Nullable String namespace, Problems p) {
    String base = "spec.condition.finding.";
    Set<RuleId> rules = new LinkedHashSet<>();
    for (String r : list(f.rules(), base + "rules", p)) {
      if (RuleId.isValid(r)) {
        rules.add(RuleId.of(r));
      } else {
        p.add(base + "rules", "\"" + abbreviate(r) + "\" is not a rule id such as pod.crash-loop");
      }
    }
    Set<Severity> severities = new LinkedHashSet<>();
    for (String s : list(f.severities(), base + "severities", p)) {
      try {
        severities.add(Severity.valueOf(s.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        p.add(base + "severities", "\"" + abbreviate(s) + "\" is not critical, warning or info");
      }
    }
    Set<String> kinds = new LinkedHashSet<>();
    for (String k : list(f.kinds(), base + "kinds", p)) {
      if (KIND.matcher(k).matches()) {
        kinds.add(k);
      } else {
        p.add(base + "kinds", "\"" + abbreviate(k) + "\" is not a kind such as Pod");
      }
    }
    Set<String> namespaces = namespaces(f.namespaces(), namespace, base + "namespaces", p);
    LabelSelector selector = selector(f.selector(), base + "selector", p);
    return new RuleCondition.FindingMatch(rules, severities, kinds, namespaces, selector);
  }

  private static RuleCondition nodeHealth(AlertRuleSpec.NodeHealthCondition n, Problems p) {
    String base = "spec.condition.nodeHealth.";
    Set<NodeHealthType> types = new LinkedHashSet<>();
    for (String t : list(n.types(), base + "types", p)) {
      try {
        types.add(NodeHealthType.valueOf(t.strip()));
      } catch (IllegalArgumentException e) {
        p.add(
            base + "types",
            "\"" + abbreviate(t) + "\" is not one of " + List.of(NodeHealthType.values()));
      }
    }
    return new RuleCondition.NodeHealthMatch(types, selector(n.selector(), base + "selector", p));
  }

  private static @Nullable RuleCondition metric(
      AlertRuleSpec.MetricCondition m, @Nullable String namespace, Problems p) {
    String base = "spec.condition.metric.";
    MetricTarget target = MetricTarget.of(m.target()).orElse(null);
    if (target == null) {
      p.add(base + "target", "must be node, namespace, pod or cluster");
    } else if (namespace != null
        && (target == MetricTarget.node || target == MetricTarget.cluster)) {
      p.add(base + "target", "an AlertRule sees only its namespace: namespace or pod");
    }
    MetricResource resource = MetricResource.of(m.resource()).orElse(null);
    if (resource == null) {
      p.add(base + "resource", "must be cpu, memory or pods");
    }
    MetricMeasure measure = MetricMeasure.of(m.measure()).orElse(null);
    if (measure == null) {
      p.add(base + "measure", "must be one of " + List.of(MetricMeasure.values()));
    } else if (target != null && !measure.appliesTo(target)) {
      p.add(base + "measure", measure + " does not apply to target " + target);
    }
    if (resource == MetricResource.pods
        && measure != null
        && measure != MetricMeasure.used
        && measure != MetricMeasure.usedOfAllocatable
        && measure != MetricMeasure.usedOfQuota) {
      p.add(base + "measure", "pods are counted: used, usedOfAllocatable or usedOfQuota");
    }
    Comparison operator = Comparison.of(m.operator()).orElse(null);
    if (operator == null) {
      p.add(base + "operator", "must be >, >=, <, <=, == or !=");
    }
    Double threshold = m.threshold();
    if (threshold == null || threshold.isNaN() || threshold.isInfinite()) {
      p.add(base + "threshold", "is required: a number");
    } else if (threshold < 0 || threshold > 1e18) {
      p.add(base + "threshold", "must lie between 0 and 1e18");
    }
    Set<String> namespaces = namespaces(m.namespaces(), namespace, base + "namespaces", p);
    LabelSelector selector = selector(m.selector(), base + "selector", p);
    if (target == null
        || resource == null
        || measure == null
        || operator == null
        || threshold == null) {
      return null;
    }
    return new RuleCondition.MetricThreshold(
        target, resource, measure, operator, threshold, selector, namespaces);
  }

  private static Set<String> namespaces(
      @Nullable List<String> given, @Nullable String own, String field, Problems p) {
    Set<String> out = new LinkedHashSet<>();
    for (String n : list(given, field, p)) {
      if (!Names.isNamespace(n)) {
        p.add(field, "\"" + abbreviate(n) + "\" is not a namespace name");
      } else if (own != null && !own.equals(n)) {
        p.add(field, "an AlertRule sees only its namespace " + own);
      } else {
        out.add(n);
      }
    }
    if (own != null) {
      return Set.of(own);
    }
    return out;
  }

  private static List<String> list(@Nullable List<String> values, String field, Problems p) {
    if (values == null) {
      return List.of();
    }
    if (values.size() > MAX_LIST) {
      p.add(field, "at most " + MAX_LIST + " entries");
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String v : values) {
      if (v == null || v.isBlank()) {
        p.add(field, "has an empty entry");
      } else {
        out.add(v);
      }
    }
    return out;
  }

  private static LabelSelector selector(@Nullable RuleSelector s, String field, Problems p) {
    if (s == null) {
      return LabelSelector.EVERYTHING;
    }
    int size =
        (s.matchLabels() == null ? 0 : s.matchLabels().size())
            + (s.matchExpressions() == null ? 0 : s.matchExpressions().size());
    if (size > MAX_LIST) {
      p.add(field, "at most " + MAX_LIST + " requirements");
      return LabelSelector.EVERYTHING;
    }
    try {
      return s.toLabelSelector();
    } catch (IllegalArgumentException e) {
      p.add(field, e.getMessage());
      return LabelSelector.EVERYTHING;
    }
  }

  private static List<String> sorted(Set<String> values) {
    return values.stream().sorted().toList();
  }

  private static String abbreviate(String text) {
    return text.length() <= 64 ? text : text.substring(0, 64) + "…";
  }
}
