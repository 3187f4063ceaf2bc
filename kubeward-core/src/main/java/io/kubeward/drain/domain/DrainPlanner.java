package io.kubeward.drain.domain;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides each pod's fate when its node is drained, the way {@code kubectl drain} does:
 *
 * <ol>
 *   <li>a static pod's mirror (annotation {@value #MIRROR_ANNOTATION}) is skipped: the kubelet owns
 *       it;
 *   <li>a finished pod (Succeeded or Failed) is skipped: it runs nothing, and like {@code kubectl
 *       drain} Kubeward never asks {@code force} or {@code deleteEmptyDirData} for it, nor does a
 *       disruption budget count it. Unlike {@code kubectl drain}, which deletes it, Kubeward leaves
 *       it bound to the node so its logs and exit status stay readable (it uses no resources);
 *   <li>a DaemonSet's pod is skipped: the DaemonSet would put it back, and it tolerates the cordon;
 *   <li>a pod that is already terminating is only waited for: it leaves anyway, so it needs no
 *       option and uses no budget;
 *   <li>a pod without a controller needs {@code force} (it would not come back; with force it is
 *       deleted, not evicted);
 *   <li>a pod with an {@code emptyDir} volume needs {@code deleteEmptyDirData};
 *   <li>every other pod is evicted, if its disruption budget allows it now. Budgets are counted
 *       across the node: a budget that allows one disruption lets the first of its pods go and
 *       holds the others. A Pending pod, or one not ready while its budget is healthy, does not use
 *       the budget (the Eviction API lets those go).
 * </ol>
 *
 * Pure: the pods and budgets come in, read live by the caller.
 */
public final class DrainPlanner {

  public static final String MIRROR_ANNOTATION = "kubernetes.io/config.mirror";

  private DrainPlanner() {}

  /**
   * @param pods the pods bound to the node
   * @param budgets the disruption budgets of the pods' namespaces (others are ignored)
   */
  public static DrainPlan plan(
      String node, List<Pod> pods, List<PodDisruptionBudget> budgets, DrainOptions options) {
    Map<String, Integer> remaining = new HashMap<>();
    List<PodPlan> plans = new ArrayList<>();
    for (Pod pod : inDrainOrder(pods)) {
      plans.add(fate(pod, budgets, options, remaining));
    }
    return new DrainPlan(node, verdict(plans), plans);
  }

  /** The budgets whose selector matches the pod, sorted by name. */
  public static List<PodDisruptionBudget> budgetsOf(Pod pod, List<PodDisruptionBudget> budgets) {
    return budgets.stream()
        .filter(
            b -> Objects.equals(b.getMetadata().getNamespace(), pod.getMetadata().getNamespace()))
        .filter(b -> b.getSpec() != null && matches(b.getSpec().getSelector(), labels(pod)))
        .sorted(Comparator.comparing(b -> b.getMetadata().getName()))
        .toList();
  }

  /** The pod's controlling owner, {@code null} if none. */
  public static OwnerReference controllerOf(Pod pod) {
    List<OwnerReference> owners = pod.getMetadata().getOwnerReferences();
    if (owners == null) {
      return null;
    }
    return owners.stream()
        .filter(o -> Boolean.TRUE.equals(o.getController()))
        .findFirst()
        .orElse(null);
  }

  public static boolean isFinished(Pod pod) {
    String phase = phase(pod);
    return "Succeeded".equals(phase) || "Failed".equals(phase);
  }

  public static boolean isTerminating(Pod pod) {
    return pod.getMetadata().getDeletionTimestamp() != null;
  }

  private static PodPlan fate(
      Pod pod,
      List<PodDisruptionBudget> budgets,
      DrainOptions options,
      Map<String, Integer> remaining) {
    OwnerReference controller = controllerOf(pod);
    List<PodDisruptionBudget> covering = budgetsOf(pod, budgets);
    PodDisruptionBudget budget = covering.isEmpty() ? null : covering.get(0);
    Plan plan = new Plan(pod, controller, budget);
    Map<String, String> annotations = pod.getMetadata().getAnnotations();
    if (annotations != null && annotations.containsKey(MIRROR_ANNOTATION)) {
      return plan.of(PodFate.SKIP_MIRROR, "mirror of a static pod; the kubelet owns it");
    }
    if (isFinished(pod)) {
      return plan.of(PodFate.SKIP_FINISHED, "finished (" + phase(pod) + "); runs nothing");
    }
    if (controller != null && "DaemonSet".equals(controller.getKind())) {
      return plan.of(PodFate.SKIP_DAEMONSET, "DaemonSet pod; the DaemonSet would recreate it");
    }
    if (isTerminating(pod)) {
      return plan.of(PodFate.EVICT, "already terminating; waited for");
    }
    boolean emptyDir = hasEmptyDir(pod);
    if (controller == null && !options.force()) {
      return plan.of(
          PodFate.NEEDS_FORCE,
          "no controller: it would not come back; needs force"
              + (emptyDir && !options.deleteEmptyDirData()
                  ? " (and deleteEmptyDirData for its emptyDir)"
                  : ""));
    }
    if (emptyDir && !options.deleteEmptyDirData()) {
      return plan.of(
          PodFate.NEEDS_DELETE_EMPTYDIR, "emptyDir data would be lost; needs deleteEmptyDirData");
    }
    if (controller == null) {
      return plan.of(PodFate.EVICT, "no controller: deleted without eviction (force)");
    }
    if (budget == null) {
      return plan.of(PodFate.EVICT, "no disruption budget");
    }
    if (covering.size() > 1) {
      return plan.of(
          PodFate.BLOCKED_BY_PDB,
          "covered by several disruption budgets ("
              + String.join(", ", covering.stream().map(b -> b.getMetadata().getName()).toList())
              + "); the Eviction API refuses such pods");
    }
    if (ignoresBudget(pod, budget)) {
      return plan.of(PodFate.EVICT, "not ready or pending; its budget lets it go");
    }
    String key = budget.getMetadata().getName();
    int left = remaining.computeIfAbsent(key, k -> allowed(budget));
    if (left > 0) {
      remaining.put(key, left - 1);
      return plan.of(PodFate.EVICT, "budget " + key + " allows it");
    }
    return plan.of(
        PodFate.BLOCKED_BY_PDB,
        allowed(budget) > 0
            ? "budget " + key + " is used up by other pods of this node; waits"
            : "budget " + key + " allows no disruption now; waits");
  }

  private record Plan(Pod pod, OwnerReference controller, PodDisruptionBudget budget) {

    PodPlan of(PodFate fate, String reason) {
      return new PodPlan(
          pod.getMetadata().getNamespace(),
          pod.getMetadata().getName(),
          controller == null ? null : controller.getKind(),
          controller == null ? null : controller.getName(),
          fate,
          budget == null ? null : budget.getMetadata().getName(),
          budget == null ? null : allowed(budget),
          reason);
    }
  }

  private static DrainVerdict verdict(List<PodPlan> plans) {
    if (plans.stream()
        .anyMatch(
            p -> p.fate() == PodFate.NEEDS_FORCE || p.fate() == PodFate.NEEDS_DELETE_EMPTYDIR)) {
      return DrainVerdict.REFUSED;
    }
    if (plans.stream().anyMatch(p -> p.fate() == PodFate.BLOCKED_BY_PDB)) {
      return DrainVerdict.WILL_WAIT;
    }
    return DrainVerdict.CAN_DRAIN_NOW;
  }

  /** {@code status.disruptionsAllowed}; 0 while the budget's controller has not seen its spec. */
  static int allowed(PodDisruptionBudget budget) {
    var status = budget.getStatus();
    if (status == null || status.getDisruptionsAllowed() == null) {
      return 0;
    }
    Long generation = budget.getMetadata().getGeneration();
    Long observed = status.getObservedGeneration();
    if (generation != null && (observed == null || observed < generation)) {
      return 0;
    }
    return Math.max(0, status.getDisruptionsAllowed());
  }

  /**
   * The Eviction API evicts Pending pods regardless of budgets, and unready pods when the budget
   * says {@code AlwaysAllow} or (the default, {@code IfHealthyBudget}) when it is healthy.
   */
  private static boolean ignoresBudget(Pod pod, PodDisruptionBudget budget) {
    if ("Pending".equals(phase(pod))) {
      return true;
    }
    if (isReady(pod)) {
      return false;
    }
    if ("AlwaysAllow".equals(budget.getSpec().getUnhealthyPodEvictionPolicy())) {
      return true;
    }
    var status = budget.getStatus();
    return status != null
        && status.getCurrentHealthy() != null
        && status.getDesiredHealthy() != null
        && status.getCurrentHealthy() >= status.getDesiredHealthy();
  }

  private static boolean isReady(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
      return false;
    }
    for (PodCondition condition : pod.getStatus().getConditions()) {
      if ("Ready".equals(condition.getType())) {
        return "True".equals(condition.getStatus());
      }
    }
    return false;
  }

  private static boolean hasEmptyDir(Pod pod) {
    List<Volume> volumes = pod.getSpec() == null ? null : pod.getSpec().getVolumes();
    return volumes != null && volumes.stream().anyMatch(v -> v.getEmptyDir() != null);
  }

  private static String phase(Pod pod) {
    return pod.getStatus() == null ? null : pod.getStatus().getPhase();
  }

  private static Map<String, String> labels(Pod pod) {
    Map<String, String> labels = pod.getMetadata().getLabels();
    return labels == null ? Map.of() : labels;
  }

  /** The order in which pods use up their budgets: by namespace, name, uid. */
  public static List<Pod> inDrainOrder(List<Pod> pods) {
    return pods.stream()
        .sorted(
            Comparator.comparing((Pod p) -> p.getMetadata().getNamespace())
                .thenComparing(p -> p.getMetadata().getName())
                .thenComparing(p -> Objects.requireNonNullElse(p.getMetadata().getUid(), "")))
        .toList();
  }

  /**
   * A policy/v1 selector: {@code null} selects nothing, an empty one every pod of the namespace (an
   * invalid one, which the API server does not accept, nothing).
   */
  static boolean matches(LabelSelector selector, Map<String, String> labels) {
    if (selector == null) {
      return false;
    }
    try {
      return io.kubeward.cluster.domain.LabelSelector.from(selector).matches(labels);
    } catch (io.kubeward.cluster.domain.LabelSelector.InvalidSelectorException e) {
      return false;
    }
  }
}
