package io.kubeward.diagnostics.domain.rules;

import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.diagnostics.domain.Bilingual;
import io.kubeward.diagnostics.domain.ClusterFacts;
import io.kubeward.diagnostics.domain.Evidence;
import io.kubeward.diagnostics.domain.FindingDraft;
import io.kubeward.diagnostics.domain.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code pdb.blocks-disruptions}: a PodDisruptionBudget that covers pods and allows no disruption
 * (for at least {@code grace}, measured from its creation), so every eviction — a node drain, a
 * cluster upgrade, the autoscaler's scale-down — waits forever. Either the budget itself allows
 * none ({@code maxUnavailable: 0}, {@code minAvailable} equal to the pods or 100%), or some covered
 * pods are unhealthy.
 */
public final class PdbBlocksDisruptionsRule extends BaseRule {

  public static final Duration DEFAULT_GRACE = Duration.ofMinutes(10);

  private final Duration grace;

  public PdbBlocksDisruptionsRule() {
    this(DEFAULT_GRACE);
  }

  public PdbBlocksDisruptionsRule(Duration grace) {
    super(
        "pdb.blocks-disruptions",
        Severity.WARNING,
        "PodDisruptionBudget",
        Set.of(),
        Bilingual.of(
            "PodDisruptionBudget allows no disruption (blocks drains)",
            "PodDisruptionBudget 不允许任何中断（阻塞节点排空）"));
    this.grace = grace;
  }

  @Override
  public List<FindingDraft> judge(KubeObjectView pdb, ClusterFacts facts) {
    int expected = OpsFacts.intField(pdb, "expectedPods");
    int allowed = OpsFacts.intField(pdb, "disruptionsAllowed");
    if (expected == 0 || allowed > 0 || OpsFacts.age(pdb, facts).compareTo(grace) < 0) {
      return List.of();
    }
    int healthy = OpsFacts.intField(pdb, "currentHealthy");
    int desired = OpsFacts.intField(pdb, "desiredHealthy");
    String minAvailable = OpsFacts.stringField(pdb, "minAvailable");
    String maxUnavailable = OpsFacts.stringField(pdb, "maxUnavailable");
    List<Evidence> evidence = new ArrayList<>();
    if (minAvailable != null) {
      evidence.add(Evidence.of(Evidence.FIELD, "minAvailable", minAvailable));
    }
    if (maxUnavailable != null) {
      evidence.add(Evidence.of(Evidence.FIELD, "maxUnavailable", maxUnavailable));
    }
    evidence.add(
        Evidence.of(
            Evidence.FIELD,
            "pods (expected | current healthy | desired healthy | disruptions allowed)",
            expected + " | " + healthy + " | " + desired + " | " + allowed));
    boolean byDesign = desired >= expected;
    Bilingual explanation =
        byDesign
            ? Bilingual.of(
                "PodDisruptionBudget "
                    + pdb.name()
                    + " requires all "
                    + expected
                    + " of its pods to stay up, so it never allows an eviction: draining a node"
                    + " that runs one of them waits forever.",
                "PodDisruptionBudget "
                    + pdb.name()
                    + " 要求其全部 "
                    + expected
                    + " 个 Pod 保持运行，因此从不允许驱逐：排空运行其中任一 Pod 的节点会一直等待。")
            : Bilingual.of(
                "PodDisruptionBudget "
                    + pdb.name()
                    + " allows no disruption because only "
                    + healthy
                    + " of its "
                    + expected
                    + " pods are healthy (it needs "
                    + desired
                    + "): evictions wait until the unhealthy pods recover.",
                "PodDisruptionBudget "
                    + pdb.name()
                    + " 当前不允许任何中断，因为其 "
                    + expected
                    + " 个 Pod 中只有 "
                    + healthy
                    + " 个健康（需要 "
                    + desired
                    + " 个）：驱逐会等到不健康的 Pod 恢复。");
    Bilingual fix =
        byDesign
            ? Bilingual.of(
                "Allow at least one disruption: lower minAvailable below the replica count, set"
                    + " maxUnavailable to 1 or more, or run more replicas (`kubectl get pdb "
                    + pdb.name()
                    + " -n "
                    + pdb.namespace()
                    + " -o yaml`).",
                "至少允许一次中断：将 minAvailable 降到副本数以下、将 maxUnavailable 设为 1 或更多，或增加副本数（`kubectl get pdb "
                    + pdb.name()
                    + " -n "
                    + pdb.namespace()
                    + " -o yaml`）。")
            : Bilingual.of(
                "Fix the unhealthy pods the budget covers (their findings); consider"
                    + " unhealthyPodEvictionPolicy: AlwaysAllow so broken pods can be evicted.",
                "修复该预算覆盖的不健康 Pod（查看其诊断）；可考虑设置 unhealthyPodEvictionPolicy: AlwaysAllow，使故障 Pod 可被驱逐。");
    return finding(pdb, explanation, evidence, fix);
  }
}
