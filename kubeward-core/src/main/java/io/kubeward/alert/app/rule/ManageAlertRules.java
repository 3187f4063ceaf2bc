package io.kubeward.alert.app.rule;

import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.NamespaceVisibility;
import io.kubeward.access.domain.ResourceAction;
import io.kubeward.access.domain.Verb;
import io.kubeward.alert.domain.rule.AlertRuleSpec;
import io.kubeward.alert.domain.rule.AlertRuleValidation;
import io.kubeward.alert.domain.rule.RuleKind;
import io.kubeward.alert.domain.rule.RuleProblem;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Use cases: alert rules as the caller sees and changes them. Every request goes to the cluster
 * with the caller's identity ({@link AlertRuleStore}), so the cluster's RBAC (the aggregated
 * ClusterRoles of {@code deploy/kubernetes/kubeward-alerting-rbac.yaml}) decides; every change is
 * validated first by the one {@link AlertRuleValidation} and audited.
 */
public final class ManageAlertRules {

  private final ClusterReads reads;
  private final Authorizer authorizer;
  private final AuditedAction audited;
  private final AlertRuleStore store;

  public ManageAlertRules(
      ClusterReads reads, Authorizer authorizer, AuditedAction audited, AlertRuleStore store) {
    this.reads = reads;
    this.authorizer = authorizer;
    this.audited = audited;
    this.store = store;
  }

  /**
   * Both kinds' rules; a kind the caller may not list is named in {@code unreadable} instead of
   * failing the whole list.
   */
  public record AlertRuleList(List<AlertRuleView> items, List<RuleKind> unreadable) {}

  /** The validator's answer. */
  public record RuleValidation(boolean valid, List<RuleProblem> problems) {}

  /** The {@code list} question of AlertRules (for the namespaces a caller may see them in). */
  static final ResourceAction LIST_ALERT_RULES =
      ResourceAction.of("list", "kubeward.io", "alertrules", null);

  /** Most namespaces listed one by one for a caller who may not list AlertRules everywhere. */
  static final int MAX_NAMESPACES = 500;

  public AlertRuleList list(Caller caller, String cluster) {
    ManagedCluster managed = reads.known(cluster);
    authorizer.require(caller, Verb.READ, cluster, null);
    List<AlertRuleView> items = new ArrayList<>();
    List<RuleKind> unreadable = new ArrayList<>();
    try {
      store
          .list(caller, cluster, RuleKind.ClusterAlertRule)
          .forEach(o -> items.add(AlertRuleView.of(o)));
    } catch (KubewardException e) {
      if (e.kind() != ErrorKind.FORBIDDEN) {
        throw e;
      }
      unreadable.add(RuleKind.ClusterAlertRule);
    }
    NamespaceVisibility visible =
        authorizer.readable(caller, cluster, LIST_ALERT_RULES, () -> namespaces(managed));
    if (visible.all()) {
      store.list(caller, cluster, RuleKind.AlertRule).forEach(o -> items.add(AlertRuleView.of(o)));
    } else if (visible.namespaces().isEmpty()) {
      unreadable.add(RuleKind.AlertRule);
    } else {
      visible.namespaces().stream()
          .sorted()
          .limit(MAX_NAMESPACES)
          .forEach(
              ns -> {
                try {
                  store.listIn(caller, cluster, ns).forEach(o -> items.add(AlertRuleView.of(o)));
                } catch (KubewardException e) {
                  if (e.kind() != ErrorKind.FORBIDDEN) {
                    throw e;
                  }
                }
              });
    }
    items.sort(
        Comparator.comparing((AlertRuleView v) -> v.kind().namespaced())
            .thenComparing(v -> v.namespace() == null ? "" : v.namespace())
            .thenComparing(AlertRuleView::name));
    return new AlertRuleList(List.copyOf(items), List.copyOf(unreadable));
  }

  private static List<String> namespaces(ManagedCluster cluster) {
    List<String> names = new ArrayList<>();
    try {
      for (KubeObjectView namespace : cluster.views(CachedKind.NAMESPACES).all()) {
        names.add(namespace.name());
      }
    } catch (UnsupportedOperationException e) {
      // no cache: only whoever may list everywhere sees AlertRules
    }
    return names;
  }

  public AlertRuleView get(
      Caller caller, String cluster, RuleKind kind, @Nullable String namespace, String name) {
    reads.known(cluster);
    authorizer.require(caller, Verb.READ, cluster, namespace);
    return store
        .get(caller, cluster, kind, namespace, name)
        .map(AlertRuleView::of)
        .orElseThrow(() -> notFound(cluster, kind, namespace, name));
  }

  /** Validates without writing (the editor's check as one types). */
  public RuleValidation validate(
      RuleKind kind, @Nullable String namespace, String name, @Nullable AlertRuleSpec spec) {
    AlertRuleValidation.Verdict verdict =
        AlertRuleValidation.validate(kind, namespace, name == null ? "" : name, spec, 0);
    return new RuleValidation(verdict.valid(), verdict.problems());
  }

  /** Creates or replaces a rule, after validating it; audited as {@code alert-rule.apply}. */
  public AlertRuleView apply(
      Caller caller,
      String cluster,
      RuleKind kind,
      @Nullable String namespace,
      String name,
      AlertRuleSpec spec,
      @Nullable String resourceVersion) {
    reads.known(cluster);
    return audited.run(
        caller,
        Verb.MUTATE,
        new AuditedAction.Target(cluster, namespace, kind.name(), name),
        "alert-rule.apply",
        () -> {
          AlertRuleValidation.Verdict verdict =
              AlertRuleValidation.validate(kind, namespace, name, spec, 0);
          if (!verdict.valid()) {
            throw new InvalidAlertRuleException(verdict.problems());
          }
          return AuditedAction.Outcome.of(
              AlertRuleView.of(
                  store.apply(caller, cluster, kind, namespace, name, spec, resourceVersion)));
        });
  }

  /** Deletes a rule; audited as {@code alert-rule.delete}. */
  public void delete(
      Caller caller, String cluster, RuleKind kind, @Nullable String namespace, String name) {
    reads.known(cluster);
    audited.run(
        caller,
        Verb.MUTATE,
        new AuditedAction.Target(cluster, namespace, kind.name(), name),
        "alert-rule.delete",
        () -> {
          if (!store.delete(caller, cluster, kind, namespace, name)) {
            throw notFound(cluster, kind, namespace, name);
          }
          return AuditedAction.Outcome.of(null);
        });
  }

  private static AlertRuleNotFoundException notFound(
      String cluster, RuleKind kind, @Nullable String namespace, String name) {
    return new AlertRuleNotFoundException(
        cluster, kind.name(), namespace == null ? name : namespace + "/" + name);
  }
}
