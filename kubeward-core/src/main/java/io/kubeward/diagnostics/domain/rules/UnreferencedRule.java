package io.kubeward.diagnostics.domain.rules;

import io.kubeward.cluster.domain.DeploymentView;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.PodTemplateFacts;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.diagnostics.domain.Bilingual;
import io.kubeward.diagnostics.domain.ClusterFacts;
import io.kubeward.diagnostics.domain.Evidence;
import io.kubeward.diagnostics.domain.FindingDraft;
import io.kubeward.diagnostics.domain.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Hygiene (INFO): {@code configmap.unreferenced}, {@code secret.unreferenced} and {@code
 * pvc.unreferenced} — objects at least {@code minAge} old that no pod and no workload's pod
 * template (Deployment, StatefulSet, DaemonSet, Job, CronJob) references, nor, for Secrets, an
 * Ingress' TLS section. Left alone: system namespaces ({@code kube-*}), objects with an owner (a
 * controller manages them), {@code kube-root-ca.crt}, service-account token Secrets, Helm's release
 * records, Pending claims (see {@code pvc.pending}) and claims of a StatefulSet's
 * volumeClaimTemplates (kept on purpose when it scales down). What the cache cannot see (a
 * ServiceAccount's imagePullSecrets, an application reading the API) is said in the explanation.
 */
public final class UnreferencedRule extends BaseRule {

  public static final Duration DEFAULT_MIN_AGE = Duration.ofHours(1);

  private static final List<String> WORKLOADS =
      List.of("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob");

  private final Duration minAge;

  private UnreferencedRule(String id, String kind, Bilingual title, Duration minAge) {
    super(
        id,
        Severity.INFO,
        kind,
        Set.of("Pod", "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Ingress"),
        title);
    this.minAge = minAge;
  }

  public static UnreferencedRule configMaps() {
    return configMaps(DEFAULT_MIN_AGE);
  }

  public static UnreferencedRule configMaps(Duration minAge) {
    return new UnreferencedRule(
        "configmap.unreferenced",
        "ConfigMap",
        Bilingual.of("ConfigMap referenced by nothing", "ConfigMap 未被任何对象引用"),
        minAge);
  }

  public static UnreferencedRule secrets() {
    return secrets(DEFAULT_MIN_AGE);
  }

  public static UnreferencedRule secrets(Duration minAge) {
    return new UnreferencedRule(
        "secret.unreferenced",
        "Secret",
        Bilingual.of("Secret referenced by nothing", "Secret 未被任何对象引用"),
        minAge);
  }

  public static UnreferencedRule claims() {
    return claims(DEFAULT_MIN_AGE);
  }

  public static UnreferencedRule claims(Duration minAge) {
    return new UnreferencedRule(
        "pvc.unreferenced",
        "PersistentVolumeClaim",
        Bilingual.of("PersistentVolumeClaim used by nothing", "PersistentVolumeClaim 未被使用"),
        minAge);
  }

  @Override
  public List<FindingDraft> judge(KubeObjectView subject, ClusterFacts facts) {
    String kind = subjectKind();
    String ns = subject.namespace();
    String name = subject.name();
    if (ns == null
        || ns.startsWith("kube-")
        || subject.owner() != null
        || OpsFacts.age(subject, facts).compareTo(minAge) < 0
        || exempt(kind, subject, facts)) {
      return List.of();
    }
    for (KubeObjectView view : facts.list("Pod", ns)) {
      if (view instanceof PodView pod && pod.references().references(kind, name)) {
        return List.of();
      }
    }
    for (String workload : WORKLOADS) {
      for (KubeObjectView view : facts.list(workload, ns)) {
        PodTemplateFacts template =
            view instanceof DeploymentView deployment
                ? deployment.template()
                : OpsFacts.field(view, "template") instanceof PodTemplateFacts facts1
                    ? facts1
                    : null;
        if (template != null && template.references(kind, name)) {
          return List.of();
        }
      }
    }
    if ("Secret".equals(kind)) {
      for (KubeObjectView ingress : facts.list("Ingress", ns)) {
        if (OpsFacts.listField(ingress, "tlsSecrets", String.class).contains(name)) {
          return List.of();
        }
      }
    }
    String age = OpsFacts.human(OpsFacts.age(subject, facts));
    Bilingual what =
        switch (kind) {
          case "Secret" ->
              Bilingual.of(
                  " (a ServiceAccount's imagePullSecrets or an application reading the API may still use it: Kubeward does not see those)",
                  "（ServiceAccount 的 imagePullSecrets 或通过 API 读取它的应用仍可能使用它：Kubeward 看不到这些引用）");
          case "ConfigMap" ->
              Bilingual.of(
                  " (an application reading the API may still use it)", "（通过 API 读取它的应用仍可能使用它）");
          default -> Bilingual.of(": its volume keeps its data and its cost", "：其卷仍保留数据并产生费用");
        };
    return finding(
        subject,
        Bilingual.of(
            kind
                + " "
                + name
                + " ("
                + age
                + " old) is referenced by no pod and no workload's pod template"
                + ("Secret".equals(kind) ? " or Ingress" : "")
                + what.en()
                + ".",
            kind
                + " "
                + name
                + "（已存在 "
                + age
                + "）未被任何 Pod 或工作负载的 Pod 模板"
                + ("Secret".equals(kind) ? "或 Ingress" : "")
                + "引用"
                + what.zh()
                + "。"),
        List.of(
            Evidence.of(Evidence.FIELD, "age", age),
            Evidence.of(
                Evidence.RELATED,
                "referenced by",
                "no pod, no Deployment/StatefulSet/DaemonSet/Job/CronJob template"
                    + ("Secret".equals(kind) ? ", no Ingress TLS" : ""))),
        Bilingual.of(
            "If it is left over, delete it after a backup (`kubectl get "
                + kind.toLowerCase(java.util.Locale.ROOT)
                + " "
                + name
                + " -n "
                + ns
                + " -o yaml > backup.yaml`); if it is used in a way Kubeward cannot see, label it"
                + " to document the owner.",
            "如果它是遗留对象，备份后删除（`kubectl get "
                + kind.toLowerCase(java.util.Locale.ROOT)
                + " "
                + name
                + " -n "
                + ns
                + " -o yaml > backup.yaml`）；如果它以 Kubeward 看不到的方式被使用，为其加上标签以注明所有者。"));
  }

  private static boolean exempt(String kind, KubeObjectView subject, ClusterFacts facts) {
    String name = subject.name();
    return switch (kind) {
      case "ConfigMap" ->
          name.equals("kube-root-ca.crt")
              || name.equals("openshift-service-ca.crt")
              || "helm".equals(subject.labels().get("OWNER"))
              || "helm".equals(subject.labels().get("owner"));
      case "Secret" ->
          OpsFacts.stringField(subject, "serviceAccount") != null
              || name.startsWith("sh.helm.release.v1.")
              || "helm".equals(subject.labels().get("owner"))
              || subject.labels().containsKey("kubernetes.io/legacy-token-last-used");
      case "PersistentVolumeClaim" ->
          !"Bound".equals(subject.status()) || statefulSetClaim(subject, facts);
      default -> false;
    };
  }

  /** Whether the claim is {@code <template>-<statefulset>-<ordinal>} of a StatefulSet here. */
  private static boolean statefulSetClaim(KubeObjectView claim, ClusterFacts facts) {
    for (KubeObjectView set : facts.list("StatefulSet", claim.namespace())) {
      for (String template : OpsFacts.listField(set, "claimTemplates", String.class)) {
        String prefix = template + "-" + set.name() + "-";
        if (claim.name().startsWith(prefix)
            && claim.name().substring(prefix.length()).chars().allMatch(Character::isDigit)) {
          return true;
        }
      }
    }
    return false;
  }
}
