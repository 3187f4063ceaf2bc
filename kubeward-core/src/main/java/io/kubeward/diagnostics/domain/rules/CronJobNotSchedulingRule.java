package io.kubeward.diagnostics.domain.rules;

import static io.kubeward.diagnostics.domain.rules.OpsFacts.MAX_EVENTS;

import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.diagnostics.domain.Bilingual;
import io.kubeward.diagnostics.domain.ClusterFacts;
import io.kubeward.diagnostics.domain.Evidence;
import io.kubeward.diagnostics.domain.FindingDraft;
import io.kubeward.diagnostics.domain.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code cronjob.not-scheduling}: a CronJob that should have started a Job by now and has not (the
 * first run its schedule gives after its last scheduled run, or after its creation, is more than
 * {@code tolerance} in the past), or that has been suspended with no run for at least {@code
 * suspendedFor} (INFO: suspending may be deliberate). The schedule is read by {@link CronSchedule};
 * a schedule it cannot read is not judged. {@code spec.timeZone} is honoured; without it the
 * controller's zone is taken to be UTC.
 */
public final class CronJobNotSchedulingRule extends BaseRule {

  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(10);
  public static final Duration DEFAULT_SUSPENDED_FOR = Duration.ofDays(1);

  private final Duration tolerance;
  private final Duration suspendedFor;

  public CronJobNotSchedulingRule() {
    this(DEFAULT_TOLERANCE, DEFAULT_SUSPENDED_FOR);
  }

  public CronJobNotSchedulingRule(Duration tolerance, Duration suspendedFor) {
    super(
        "cronjob.not-scheduling",
        Severity.WARNING,
        "CronJob",
        Set.of("Job", "Event"),
        Bilingual.of("CronJob not scheduling", "CronJob 未按计划运行"));
    this.tolerance = tolerance;
    this.suspendedFor = suspendedFor;
  }

  @Override
  public List<FindingDraft> judge(KubeObjectView subject, ClusterFacts facts) {
    String schedule = OpsFacts.stringField(subject, "schedule");
    Instant last = OpsFacts.instantField(subject, "lastSchedule");
    Instant lastSuccess = OpsFacts.instantField(subject, "lastSuccessful");
    Instant reference = last != null ? last : subject.createdAt();
    if (reference == null) {
      return List.of();
    }
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(Evidence.of(Evidence.FIELD, "schedule", schedule));
    String timeZone = OpsFacts.stringField(subject, "timeZone");
    if (timeZone != null) {
      evidence.add(Evidence.of(Evidence.FIELD, "timeZone", timeZone));
    }
    evidence.add(
        Evidence.of(
            Evidence.FIELD, "lastScheduleTime", last == null ? "<never>" : last.toString()));
    evidence.add(
        Evidence.of(
            Evidence.FIELD,
            "lastSuccessfulTime",
            lastSuccess == null ? "<never>" : lastSuccess.toString()));
    String name = subject.name();
    String ns = subject.namespace();
    if ("Suspended".equals(subject.status())) {
      if (!OpsFacts.lastedAtLeast(reference, suspendedFor, facts)) {
        return List.of();
      }
      evidence.add(0, Evidence.of(Evidence.FIELD, "suspend", "true"));
      String idle = OpsFacts.since(reference, facts);
      return finding(
          subject,
          Severity.INFO,
          Bilingual.of(
              "CronJob "
                  + name
                  + " is suspended and has started no Job for "
                  + idle
                  + (last == null ? " (it never ran)" : "")
                  + ".",
              "CronJob "
                  + name
                  + " 已被挂起，已有 "
                  + idle
                  + " 没有启动 Job"
                  + (last == null ? "（从未运行）" : "")
                  + "。"),
          evidence,
          Bilingual.of(
              "If it should run, resume it: `kubectl patch cronjob "
                  + name
                  + " -n "
                  + ns
                  + " -p '{\"spec\":{\"suspend\":false}}'`; if it is no longer needed, delete it.",
              "如果它应当运行，恢复它：`kubectl patch cronjob "
                  + name
                  + " -n "
                  + ns
                  + " -p '{\"spec\":{\"suspend\":false}}'`；如果不再需要，删除它。"));
    }
    Optional<CronSchedule> parsed = CronSchedule.parse(schedule);
    if (parsed.isEmpty()) {
      return List.of();
    }
    Optional<Instant> due = parsed.get().next(reference, CronSchedule.zoneOrUtc(timeZone));
    if (due.isEmpty() || due.get().plus(tolerance).isAfter(facts.now())) {
      return List.of();
    }
    evidence.add(Evidence.of(Evidence.FIELD, "next run due (per schedule)", due.get().toString()));
    int active = OpsFacts.intField(subject, "active");
    if (active > 0) {
      evidence.add(Evidence.of(Evidence.FIELD, "active jobs", active));
    }
    evidence.addAll(OpsFacts.warningEvents(facts, ref(subject), MAX_EVENTS));
    String late = OpsFacts.since(due.get(), facts);
    return finding(
        subject,
        Bilingual.of(
            "CronJob "
                + name
                + " should have started a Job at "
                + due.get()
                + " ("
                + late
                + " ago) but has not"
                + (active > 0 ? "; " + active + " Job(s) of it are still active" : "")
                + ".",
            "CronJob "
                + name
                + " 本应在 "
                + due.get()
                + "（"
                + late
                + " 前）启动 Job，但没有启动"
                + (active > 0 ? "；它仍有 " + active + " 个活动的 Job" : "")
                + "。"),
        evidence,
        Bilingual.of(
            "Read the CronJob's events (missed start times, a concurrencyPolicy of Forbid behind a"
                + " Job that never ends, startingDeadlineSeconds too short) and the"
                + " kube-controller-manager's health; run it by hand with `kubectl create job --from=cronjob/"
                + name
                + " "
                + name
                + "-manual -n "
                + ns
                + "`.",
            "查看 CronJob 的事件（错过的启动时间、concurrencyPolicy 为 Forbid 且有一个永不结束的 Job、startingDeadlineSeconds 过短）以及"
                + " kube-controller-manager 的健康状况；可用 `kubectl create job --from=cronjob/"
                + name
                + " "
                + name
                + "-manual -n "
                + ns
                + "` 手动运行。"));
  }
}
