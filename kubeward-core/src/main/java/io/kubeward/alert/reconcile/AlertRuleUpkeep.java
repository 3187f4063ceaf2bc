package io.kubeward.alert.reconcile;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.alert.app.rule.AlertRuleSet;
import io.kubeward.alert.domain.RuleKey;
import io.kubeward.alert.domain.rule.RuleKind;
import io.kubeward.alert.kube.rule.AlertRuleResources;
import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.runtime.kube.ControllerRuntime;
import io.kubeward.runtime.kube.SystemClients;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules' periodic upkeep ({@link #tick}, every few seconds): where this replica's rules
 * controllers stopped (it lost the lead, the cluster went away) the cluster's rules are dropped
 * from the {@link AlertRuleSet} (the controllers fill it again when they start: their informer
 * lists every object); where the ClusterAlertRule controller started, the default rules are ensured
 * once per start ({@link DefaultAlertRules}).
 */
public final class AlertRuleUpkeep {

  private static final Logger log = LoggerFactory.getLogger(AlertRuleUpkeep.class);

  private final ClusterRegistry clusters;
  private final ControllerRuntime runtime;
  private final SystemClients clients;
  private final AlertRuleSet ruleSet;
  private final DefaultAlertRules defaults;
  private final boolean createDefaults;
  private final Set<String> ensured = ConcurrentHashMap.newKeySet();

  public AlertRuleUpkeep(
      ClusterRegistry clusters,
      ControllerRuntime runtime,
      SystemClients clients,
      AlertRuleSet ruleSet,
      DefaultAlertRules defaults,
      boolean createDefaults) {
    this.clusters = clusters;
    this.runtime = runtime;
    this.clients = clients;
    this.ruleSet = ruleSet;
    this.defaults = defaults;
    this.createDefaults = createDefaults;
  }

  /** One pass over every cluster; never throws. */
  public void tick() {
    Set<String> seen = new HashSet<>();
    for (ManagedCluster cluster : clusters.all()) {
      String name = cluster.name();
      seen.add(name);
      try {
        tick(cluster);
      } catch (RuntimeException e) {
        log.warn("Cluster {}: alert rules upkeep failed: {}", name, e.toString());
      }
    }
    ensured.retainAll(seen);
  }

  private void tick(ManagedCluster cluster) {
    String name = cluster.name();
    boolean namespaced = runtime.running(name, AlertRuleController.NAMESPACED);
    boolean clusterScoped = runtime.running(name, AlertRuleController.CLUSTER_SCOPED);
    if (!namespaced) {
      ruleSet.clear(name, RuleKind.AlertRule);
    }
    if (!clusterScoped) {
      ruleSet.clear(name, RuleKind.ClusterAlertRule);
      ensured.remove(name);
    }
    if (!namespaced || !clusterScoped) {
      return;
    }
    KubernetesClient client = clients.systemClient(cluster).orElse(null);
    if (client == null) {
      return;
    }
    if (createDefaults && !ensured.contains(name)) {
      defaults.ensure(name, client);
      ensured.add(name);
    }
    if (!ruleSet.ready(name) && ruleSet.judgedAll(name, existing(client))) {
      ruleSet.ready(name, true);
      log.info("Cluster {}: every alert rule is loaded", name);
    }
  }

  /** Every rule object of the cluster now (one list per kind, names only matter). */
  private static List<Map.Entry<RuleKind, RuleKey>> existing(KubernetesClient client) {
    List<Map.Entry<RuleKind, RuleKey>> out = new ArrayList<>();
    for (RuleKind kind : RuleKind.values()) {
      var resources = client.genericKubernetesResources(AlertRuleResources.context(kind));
      var list = kind.namespaced() ? resources.inAnyNamespace().list() : resources.list();
      for (GenericKubernetesResource r : list.getItems()) {
        out.add(
            Map.entry(
                kind, new RuleKey(r.getMetadata().getNamespace(), r.getMetadata().getName())));
      }
    }
    return out;
  }
}
