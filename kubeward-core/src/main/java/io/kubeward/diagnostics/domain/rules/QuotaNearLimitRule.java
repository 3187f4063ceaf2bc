package io.kubeward.diagnostics.domain.rules;

import io.fabric8.kubernetes.api.model.Quantity;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.ObjectView;
import io.kubeward.diagnostics.domain.Bilingual;
import io.kubeward.diagnostics.domain.ClusterFacts;
import io.kubeward.diagnostics.domain.Evidence;
import io.kubeward.diagnostics.domain.FindingDraft;
import io.kubeward.diagnostics.domain.Severity;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code quota.near-limit}: a ResourceQuota whose use of some resource is at least {@code
 * threshold} of its hard limit (WARNING), or at the limit (CRITICAL: the next pod, claim or object
 * of that resource is refused). The namespace's "exceeded quota" events are the evidence of what
 * was refused.
 */
public final class QuotaNearLimitRule extends BaseRule {

  public static final double DEFAULT_THRESHOLD = 0.9;

  private final double threshold;

  public QuotaNearLimitRule() {
    this(DEFAULT_THRESHOLD);
  }

  /**
   * @param threshold the share of a hard limit (0 &lt; threshold ≤ 1) from which a resource is
   *     reported as near its limit
   */
  public QuotaNearLimitRule(double threshold) {
    super(
        "quota.near-limit",
        Severity.WARNING,
        "ResourceQuota",
        Set.of("Event"),
        Bilingual.of("ResourceQuota near or at its limit", "ResourceQuota 接近或达到上限"));
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be in (0, 1]: " + threshold);
    }
    this.threshold = threshold;
  }

  @Override
  public List<FindingDraft> judge(KubeObjectView subject, ClusterFacts facts) {
    Map<String, String> hard = OpsFacts.mapField(subject, "hard");
    Map<String, String> used = OpsFacts.mapField(subject, "used");
    List<Evidence> evidence = new ArrayList<>();
    List<String> atLimit = new ArrayList<>();
    List<String> near = new ArrayList<>();
    for (var limit : hard.entrySet()) {
      BigDecimal max = amount(limit.getValue());
      BigDecimal now = amount(used.getOrDefault(limit.getKey(), "0"));
      if (max == null || now == null || max.signum() == 0) {
        continue; // a hard limit of 0 forbids the resource on purpose
      }
      boolean full = now.compareTo(max) >= 0;
      boolean close =
          max.signum() > 0 && now.divide(max, MathContext.DECIMAL64).doubleValue() >= threshold;
      if (!full && !close) {
        continue;
      }
      String percent =
          now.multiply(BigDecimal.valueOf(100))
                  .divide(max, MathContext.DECIMAL64)
                  .setScale(0, java.math.RoundingMode.FLOOR)
              + "%";
      (full ? atLimit : near).add(limit.getKey());
      evidence.add(
          Evidence.of(
              Evidence.FIELD,
              limit.getKey() + " (used / hard)",
              used.getOrDefault(limit.getKey(), "0")
                  + " / "
                  + limit.getValue()
                  + " ("
                  + percent
                  + ")"));
    }
    if (atLimit.isEmpty() && near.isEmpty()) {
      return List.of();
    }
    // What the quota refused: FailedCreate events of this namespace that name it.
    int refused = 0;
    for (KubeObjectView view : facts.list("Event", subject.namespace())) {
      if (refused >= OpsFacts.MAX_EVENTS || !(view instanceof ObjectView event)) {
        continue;
      }
      String message = OpsFacts.stringField(event, "message");
      if (message != null && message.contains("exceeded quota: " + subject.name())) {
        refused++;
        evidence.add(
            OpsFacts.event(
                event,
                io.kubeward.diagnostics.domain.ObjectRef.of(
                    String.valueOf(OpsFacts.stringField(event, "objectKind")),
                    subject.namespace(),
                    String.valueOf(OpsFacts.stringField(event, "objectName")))));
      }
    }
    int percent = (int) Math.round(threshold * 100);
    String full = String.join(", ", atLimit);
    String close = String.join(", ", near);
    Bilingual explanation =
        Bilingual.of(
            "ResourceQuota "
                + subject.name()
                + " in namespace "
                + subject.namespace()
                + (atLimit.isEmpty()
                    ? ""
                    : " is at its limit for " + full + ": new objects that need more are refused")
                + (atLimit.isEmpty() || near.isEmpty() ? "" : ", and")
                + (near.isEmpty()
                    ? ""
                    : " is at " + percent + "% or more of its limit for " + close)
                + ".",
            "命名空间 "
                + subject.namespace()
                + " 的 ResourceQuota "
                + subject.name()
                + (atLimit.isEmpty() ? "" : " 的 " + full + " 已达上限：需要更多资源的新对象会被拒绝")
                + (atLimit.isEmpty() || near.isEmpty() ? "" : "；")
                + (near.isEmpty() ? "" : " 的 " + close + " 已用到上限的 " + percent + "% 以上")
                + "。");
    Bilingual fix =
        Bilingual.of(
            "Free resources (scale down or delete unused workloads, lower requests) or raise the"
                + " quota's hard limits after checking the cluster's capacity: `kubectl describe"
                + " resourcequota "
                + subject.name()
                + " -n "
                + subject.namespace()
                + "`.",
            "释放资源（缩容或删除不用的工作负载、降低 requests），或在确认集群容量后提高配额的硬上限：`kubectl describe resourcequota "
                + subject.name()
                + " -n "
                + subject.namespace()
                + "`。");
    return finding(
        subject,
        atLimit.isEmpty() ? Severity.WARNING : Severity.CRITICAL,
        explanation,
        evidence,
        fix);
  }

  static BigDecimal amount(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Quantity.getAmountInBytes(new Quantity(text));
    } catch (IllegalArgumentException | ArithmeticException e) {
      return null;
    }
  }
}
