package io.kubeward.diagnostics.domain.rules;

import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.ObjectView;
import io.kubeward.diagnostics.domain.Bilingual;
import io.kubeward.diagnostics.domain.ClusterFacts;
import io.kubeward.diagnostics.domain.Evidence;
import io.kubeward.diagnostics.domain.FindingDraft;
import io.kubeward.diagnostics.domain.ObjectRef;
import io.kubeward.diagnostics.domain.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code replicaset.pods-not-created} (and {@code statefulset.}, {@code daemonset.}, {@code
 * job.pods-not-created}): the controller of a ReplicaSet, StatefulSet, DaemonSet or Job tries to
 * create pods and the apiserver refuses them (a recent Warning event {@code FailedCreate}: exceeded
 * quota, a LimitRange, Pod Security admission, an admission webhook, a missing ServiceAccount) seen
 * in the last {@link #RECENT} and after its newest pod was created, while it has fewer pods than it
 * wants. Judged on the controller that owns the pods; a Deployment's ReplicaSet names its
 * Deployment in the explanation.
 */
public final class PodsNotCreatedRule extends BaseRule {

  /** How recent the newest refusal must be. */
  static final java.time.Duration RECENT = java.time.Duration.ofMinutes(15);

  private PodsNotCreatedRule(String kind) {
    super(
        kind.toLowerCase(java.util.Locale.ROOT) + ".pods-not-created",
        Severity.CRITICAL,
        kind,
        Set.of("Event", "Pod"),
        Bilingual.of("Pods refused by the apiserver", "Pod 创建被 apiserver 拒绝"));
  }

  public static List<PodsNotCreatedRule> all() {
    return List.of(
        new PodsNotCreatedRule("ReplicaSet"),
        new PodsNotCreatedRule("StatefulSet"),
        new PodsNotCreatedRule("DaemonSet"),
        new PodsNotCreatedRule("Job"));
  }

  @Override
  public List<FindingDraft> judge(KubeObjectView subject, ClusterFacts facts) {
    if ("Job".equals(subjectKind())
        ? !"Running".equals(subject.status())
        : "Ready".equals(subject.status()) || OpsFacts.intField(subject, "desired") == 0) {
      return List.of();
    }
    ObjectRef ref = ref(subject);
    java.time.Instant newestPod = null;
    for (KubeObjectView pod :
        facts.ownedBy("Pod", subject.namespace(), subjectKind(), subject.name())) {
      if (pod.createdAt() != null && (newestPod == null || pod.createdAt().isAfter(newestPod))) {
        newestPod = pod.createdAt();
      }
    }
    List<Evidence> evidence = new ArrayList<>();
    String first = null;
    for (ObjectView event : facts.eventsFor(ref)) {
      if (evidence.size() >= OpsFacts.MAX_EVENTS) {
        break;
      }
      java.time.Instant seen = OpsFacts.instantField(event, "lastSeen");
      if ("Warning".equals(event.status())
          && "FailedCreate".equals(OpsFacts.stringField(event, "reason"))
          && seen != null
          && !seen.plus(RECENT).isBefore(facts.now())
          && (newestPod == null || seen.isAfter(newestPod))) {
        evidence.add(OpsFacts.event(event, ref));
        if (first == null) {
          first = OpsFacts.stringField(event, "message");
        }
      }
    }
    if (first == null) {
      return List.of();
    }
    String owner =
        subject.owner() == null
            ? ""
            : " (" + subject.owner().kind() + " " + subject.owner().name() + ")";
    String cause = cause(first);
    return finding(
        subject,
        Bilingual.of(
            subjectKind()
                + " "
                + subject.name()
                + owner
                + " cannot create its pods: the apiserver refuses them"
                + (cause == null ? "" : " (" + cause + ")")
                + ". Latest refusal: "
                + first,
            subjectKind()
                + " "
                + subject.name()
                + owner
                + " 无法创建其 Pod：apiserver 拒绝了它们"
                + (cause == null ? "" : "（" + cause + "）")
                + "。最近一次拒绝："
                + first),
        evidence,
        Bilingual.of(
            "Fix what the message names: raise or free the ResourceQuota, set requests/limits"
                + " the LimitRange accepts, make the pod template meet the namespace's Pod Security"
                + " level, fix the webhook, or create the ServiceAccount.",
            "修复消息中指出的问题：提高或释放 ResourceQuota、设置 LimitRange 接受的 requests/limits、使 Pod 模板符合命名空间的 Pod 安全级别、修复准入 webhook，或创建 ServiceAccount。"));
  }

  static String cause(String message) {
    if (message.contains("exceeded quota")) {
      return "ResourceQuota";
    }
    if (message.contains("violates PodSecurity")) {
      return "Pod Security admission";
    }
    if (message.contains("admission webhook")) {
      return "admission webhook";
    }
    if (message.contains("serviceaccount") || message.contains("service account")) {
      return "ServiceAccount";
    }
    if (message.contains("LimitRange")
        || message.contains("maximum")
        || message.contains("minimum")) {
      return "LimitRange";
    }
    return null;
  }
}
