package io.kubeward.diagnostics.domain.rules;

import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.diagnostics.domain.Bilingual;
import io.kubeward.diagnostics.domain.ClusterFacts;
import io.kubeward.diagnostics.domain.Evidence;
import io.kubeward.diagnostics.domain.FindingDraft;
import io.kubeward.diagnostics.domain.ObjectRef;
import io.kubeward.diagnostics.domain.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code pvc.pending}: a PersistentVolumeClaim Pending for at least {@code grace}, with the cause
 * read from the cache: no StorageClass named and no default one, a StorageClass that does not
 * exist, a class without a provisioner ({@code kubernetes.io/no-provisioner}) or no class at all
 * with no Available PersistentVolume to bind, or a provisioner that has not provisioned (its
 * events). A claim waiting for its first consumer ({@code WaitForFirstConsumer}) with no pod using
 * it is not a problem.
 */
public final class PvcPendingRule extends BaseRule {

  public static final Duration DEFAULT_GRACE = Duration.ofMinutes(2);

  private final Duration grace;

  public PvcPendingRule() {
    this(DEFAULT_GRACE);
  }

  public PvcPendingRule(Duration grace) {
    super(
        "pvc.pending",
        Severity.WARNING,
        "PersistentVolumeClaim",
        Set.of("StorageClass", "PersistentVolume", "Pod", "Event"),
        Bilingual.of("PersistentVolumeClaim stays Pending", "PersistentVolumeClaim 一直处于 Pending"));
    this.grace = grace;
  }

  @Override
  public List<FindingDraft> judge(KubeObjectView claim, ClusterFacts facts) {
    if (!"Pending".equals(claim.status()) || OpsFacts.age(claim, facts).compareTo(grace) < 0) {
      return List.of();
    }
    String className = OpsFacts.stringField(claim, "storageClass");
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(
        Evidence.of(
            Evidence.FIELD, "status", "Pending for " + OpsFacts.human(OpsFacts.age(claim, facts))));
    evidence.add(
        Evidence.of(
            Evidence.FIELD,
            "storageClassName",
            className == null
                ? "<unset: default class>"
                : className.isEmpty() ? "\"\" (no class: static binding only)" : className));
    String request = OpsFacts.stringField(claim, "request");
    if (request != null) {
      evidence.add(Evidence.of(Evidence.FIELD, "requested storage", request));
    }
    List<PodView> users = new ArrayList<>();
    for (KubeObjectView view : facts.list("Pod", claim.namespace())) {
      if (view instanceof PodView pod
          && pod.references().references("PersistentVolumeClaim", claim.name())) {
        users.add(pod);
      }
    }
    for (int i = 0; i < Math.min(users.size(), OpsFacts.MAX_PODS); i++) {
      evidence.add(OpsFacts.pod(users.get(i)));
    }
    String en;
    String zh;
    String fixEn;
    String fixZh;
    KubeObjectView storageClass = null;
    if (className == null) {
      storageClass = defaultClass(facts).orElse(null);
      if (storageClass == null) {
        en = "it names no StorageClass and the cluster has no default StorageClass";
        zh = "它未指定 StorageClass，且集群没有默认 StorageClass";
        fixEn =
            "Set storageClassName to an existing class (`kubectl get storageclass`) or mark one as"
                + " default (annotation storageclass.kubernetes.io/is-default-class=true); the claim"
                + " must be re-created to change its class.";
        fixZh =
            "将 storageClassName 设为已存在的类（`kubectl get storageclass`），或将某个类标记为默认（注解"
                + " storageclass.kubernetes.io/is-default-class=true）；更改类需要重新创建该 PVC。";
      } else {
        evidence.add(
            Evidence.related(
                "default StorageClass",
                storageClass.name(),
                ObjectRef.of("StorageClass", null, storageClass.name())));
        en = null;
        zh = null;
        fixEn = null;
        fixZh = null;
      }
    } else if (className.isEmpty()) {
      en =
          "it asks for no StorageClass (\"\") and no Available PersistentVolume without a class matches it";
      zh = "它不使用 StorageClass（\"\"），且没有匹配的无类别 Available PersistentVolume";
      fixEn =
          "Create a PersistentVolume that matches (size, access modes, no class) or give the claim a StorageClass.";
      fixZh = "创建一个匹配的 PersistentVolume（容量、访问模式、无类别），或为该 PVC 指定 StorageClass。";
      if (availableVolumes(facts, "").size() > 0) {
        en =
            "it asks for no StorageClass (\"\") and the Available PersistentVolumes do not match its size or access modes";
        zh = "它不使用 StorageClass（\"\"），而 Available 的 PersistentVolume 与其容量或访问模式不匹配";
      }
    } else {
      storageClass = facts.get("StorageClass", null, className).orElse(null);
      if (storageClass == null) {
        en = "its StorageClass " + className + " does not exist";
        zh = "其 StorageClass " + className + " 不存在";
        fixEn =
            "Create StorageClass "
                + className
                + " or re-create the claim with an existing class (`kubectl get storageclass`).";
        fixZh = "创建 StorageClass " + className + "，或使用已存在的类重新创建该 PVC（`kubectl get storageclass`）。";
      } else {
        en = null;
        zh = null;
        fixEn = null;
        fixZh = null;
      }
    }
    if (en == null && storageClass != null) {
      String provisioner = OpsFacts.stringField(storageClass, "provisioner");
      String binding = OpsFacts.stringField(storageClass, "volumeBindingMode");
      evidence.add(
          Evidence.related(
              "StorageClass " + storageClass.name(),
              "provisioner " + provisioner + ", volumeBindingMode " + binding,
              ObjectRef.of("StorageClass", null, storageClass.name())));
      if ("WaitForFirstConsumer".equals(binding) && users.isEmpty()) {
        return List.of(); // waits for a pod, by design
      }
      if ("kubernetes.io/no-provisioner".equals(provisioner)) {
        en =
            "its StorageClass "
                + storageClass.name()
                + " provisions nothing (kubernetes.io/no-provisioner) and no Available PersistentVolume of that class matches it";
        zh =
            "其 StorageClass "
                + storageClass.name()
                + " 不会自动供应卷（kubernetes.io/no-provisioner），且没有该类的匹配 Available PersistentVolume";
        fixEn =
            "Create a matching PersistentVolume of class "
                + storageClass.name()
                + " (local volumes: on the node the pod should run on).";
        fixZh = "创建一个类为 " + storageClass.name() + " 的匹配 PersistentVolume（本地卷：位于 Pod 应运行的节点上）。";
      } else {
        en =
            "the provisioner "
                + provisioner
                + " of StorageClass "
                + storageClass.name()
                + " has not provisioned a volume";
        zh = "StorageClass " + storageClass.name() + " 的供应者 " + provisioner + " 尚未供应卷";
        fixEn =
            "Read the claim's events (ProvisioningFailed) and check that the provisioner ("
                + provisioner
                + ") runs and has quota in its storage backend.";
        fixZh = "查看该 PVC 的事件（ProvisioningFailed），确认供应者（" + provisioner + "）在运行且其存储后端有足够配额。";
      }
    }
    evidence.addAll(
        OpsFacts.eventsWithReason(
            facts,
            ref(claim),
            List.of(
                "ProvisioningFailed",
                "FailedBinding",
                "ExternalProvisioning",
                "WaitForFirstConsumer",
                "WaitForPodScheduled"),
            OpsFacts.MAX_EVENTS));
    String usedBy =
        users.isEmpty() ? "" : " " + users.size() + " pod(s) waiting for it cannot start.";
    String usedByZh = users.isEmpty() ? "" : "有 " + users.size() + " 个等待它的 Pod 无法启动。";
    return finding(
        claim,
        users.isEmpty() ? Severity.WARNING : Severity.CRITICAL,
        Bilingual.of(
            "PersistentVolumeClaim " + claim.name() + " is still Pending: " + en + "." + usedBy,
            "PersistentVolumeClaim " + claim.name() + " 仍处于 Pending：" + zh + "。" + usedByZh),
        evidence,
        Bilingual.of(
            fixEn
                + " `kubectl describe pvc "
                + claim.name()
                + " -n "
                + claim.namespace()
                + "` shows its events.",
            fixZh
                + "`kubectl describe pvc "
                + claim.name()
                + " -n "
                + claim.namespace()
                + "` 显示其事件。"));
  }

  static Optional<KubeObjectView> defaultClass(ClusterFacts facts) {
    for (KubeObjectView view : facts.list("StorageClass", null)) {
      if (Boolean.TRUE.equals(OpsFacts.field(view, "default"))) {
        return Optional.of(view);
      }
    }
    return Optional.empty();
  }

  static List<KubeObjectView> availableVolumes(ClusterFacts facts, String className) {
    List<KubeObjectView> out = new ArrayList<>();
    for (KubeObjectView view : facts.list("PersistentVolume", null)) {
      String volumeClass = OpsFacts.stringField(view, "storageClass");
      if ("Available".equals(view.status())
          && className.equals(volumeClass == null ? "" : volumeClass)) {
        out.add(view);
      }
    }
    return out;
  }
}
