package io.kubeward.alert.reconcile;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubeward.alert.domain.rule.DefaultRuleSet;
import io.kubeward.alert.domain.rule.RuleKind;
import io.kubeward.alert.kube.rule.AlertRuleResources;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the default ClusterAlertRules ({@link DefaultRuleSet}) in a cluster when missing, and
 * never again once created. The ConfigMap {@value #RECORD} in the controllers' namespace records
 * each default that Kubeward created (or found existing): a default recorded there is left alone
 * for good, so a rule a user changed is never overwritten and one a user deleted is not created
 * again. A default added by a later Kubeward is not recorded yet, so it is created once. Removing a
 * name from the ConfigMap restores that default at the next start of the controllers.
 */
public final class DefaultAlertRules {

  private static final Logger log = LoggerFactory.getLogger(DefaultAlertRules.class);

  /** The ConfigMap that records the defaults created in a cluster. */
  public static final String RECORD = "kubeward-alert-rule-defaults";

  private final String namespace;
  private final Clock clock;

  public DefaultAlertRules(String namespace, Clock clock) {
    this.namespace = namespace;
    this.clock = clock;
  }

  /**
   * Creates the missing, unrecorded defaults of one cluster with Kubeward's own client.
   *
   * @return the names created now
   */
  public List<String> ensure(String cluster, KubernetesClient client) {
    ConfigMap record = client.configMaps().inNamespace(namespace).withName(RECORD).get();
    Map<String, String> recorded =
        new LinkedHashMap<>(
            record == null || record.getData() == null ? Map.of() : record.getData());
    List<String> created = new ArrayList<>();
    boolean changed = false;
    var rules = client.genericKubernetesResources(AlertRuleResources.CLUSTER_ALERT_RULE);
    for (DefaultRuleSet.DefaultRule rule : DefaultRuleSet.all()) {
      if (recorded.containsKey(rule.name())) {
        continue;
      }
      GenericKubernetesResource existing = rules.withName(rule.name()).get();
      String note;
      if (existing == null) {
        try {
          rules
              .resource(
                  AlertRuleResources.newResource(
                      RuleKind.ClusterAlertRule,
                      null,
                      rule.name(),
                      rule.spec(),
                      null,
                      DefaultRuleSet.REVISION))
              .create();
          created.add(rule.name());
          note = "created " + clock.instant() + " (revision " + DefaultRuleSet.REVISION + ")";
        } catch (KubernetesClientException e) {
          if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
            throw e;
          }
          note = "existed " + clock.instant();
        }
      } else {
        note = "existed " + clock.instant();
      }
      recorded.put(rule.name(), note);
      changed = true;
    }
    if (changed) {
      ConfigMap next =
          new ConfigMapBuilder()
              .withNewMetadata()
              .withName(RECORD)
              .withNamespace(namespace)
              .addToLabels("app.kubernetes.io/managed-by", "kubeward")
              .addToAnnotations(
                  "kubeward.io/description",
                  "Default ClusterAlertRules Kubeward created; a name listed here is never"
                      + " created again (remove it to restore that default).")
              .withResourceVersion(
                  record == null ? null : record.getMetadata().getResourceVersion())
              .endMetadata()
              .withData(recorded)
              .build();
      if (record == null) {
        client.configMaps().inNamespace(namespace).resource(next).create();
      } else {
        client.configMaps().inNamespace(namespace).resource(next).update();
      }
    }
    if (!created.isEmpty()) {
      log.info("Cluster {}: created default alert rules {}", cluster, created);
    }
    return created;
  }
}
