package io.kubeward.release.domain.analysis;

import io.kubeward.release.domain.AnalysisPhase;
import io.kubeward.release.domain.AnalysisProgress;
import io.kubeward.release.domain.CheckProgress;
import io.kubeward.release.domain.Measurement;
import io.kubeward.release.domain.MeasurementPhase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The bookkeeping of an analysis run (ADR 0037), pure and deterministic: given the checks, the
 * progress stored in the Release's status and {@code now}, it takes the measurements that are due
 * (through {@code measure}) and judges. Everything it needs is in the stored progress, so a
 * restarted controller that feeds it back continues the counts where they were.
 *
 * <ul>
 *   <li>A check's first measurement is due at {@code startedAt + initialDelay}, each next one
 *       {@code interval} after the previous one was taken.
 *   <li>A check fails when more measurements failed than {@code failureLimit}, or more errors came
 *       in a row than {@code consecutiveErrorLimit} (fail safe: a provider that cannot answer is no
 *       reason to go on); it is inconclusive when more were inconclusive than {@code
 *       inconclusiveLimit}; it succeeds once {@code count} measurements that gave an answer were
 *       taken (errors do not count: a check whose provider never answers cannot succeed); with
 *       {@code count} 0 it runs until it fails or the Release ends.
 *   <li>The run fails as soon as one check fails; it is inconclusive when a check is and no check
 *       with a count is still running; it succeeds when every check succeeded.
 * </ul>
 */
public final class AnalysisRun {

  /** Measurements kept per check. */
  public static final int RECENT = 10;

  /** Stable reasons of {@link AnalysisProgress#reason()} once a run ended. */
  public static final String REASON_SUCCESSFUL = "AllChecksSuccessful";

  public static final String REASON_FAILURE_LIMIT = "FailureLimitExceeded";
  public static final String REASON_ERROR_LIMIT = "ConsecutiveErrorLimitExceeded";
  public static final String REASON_INCONCLUSIVE_LIMIT = "InconclusiveLimitExceeded";

  private AnalysisRun() {}

  /**
   * The run advanced to {@code now}; {@code previous} itself when nothing was due.
   *
   * @param measure takes one measurement of a check (never throws; an exception is an error)
   */
  public static AnalysisProgress advance(
      List<ResolvedCheck> checks,
      AnalysisProgress previous,
      Instant now,
      Function<ResolvedCheck, Measurement> measure) {
    if (previous.phase().done()) {
      return previous;
    }
    Map<String, CheckProgress> stored = new HashMap<>();
    previous.checks().forEach(c -> stored.put(c.name(), c));
    List<CheckProgress> next = new ArrayList<>();
    boolean changed = previous.checks().size() != checks.size();
    for (ResolvedCheck check : checks) {
      CheckProgress progress = stored.get(check.name());
      if (progress == null) {
        progress =
            new CheckProgress(
                check.name(),
                AnalysisPhase.RUNNING,
                0,
                0,
                0,
                0,
                0,
                previous.startedAt().plus(check.initialDelay()),
                List.of());
        changed = true;
      }
      if (!progress.phase().done()
          && (progress.nextAt() == null || !now.isBefore(progress.nextAt()))) {
        progress = record(check, progress, take(check, now, measure), now);
        changed = true;
      }
      next.add(progress);
    }
    if (!changed) {
      return previous;
    }
    return judge(checks, previous.startedAt(), next);
  }

  private static Measurement take(
      ResolvedCheck check, Instant now, Function<ResolvedCheck, Measurement> measure) {
    try {
      Measurement m = measure.apply(check);
      return m != null ? m : new Measurement(now, MeasurementPhase.ERROR, null, "no measurement");
    } catch (RuntimeException e) {
      return new Measurement(
          now,
          MeasurementPhase.ERROR,
          null,
          e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }

  /** One measurement added to a check's progress, and the check judged. */
  static CheckProgress record(ResolvedCheck check, CheckProgress p, Measurement m, Instant now) {
    int successful = p.successful();
    int failed = p.failed();
    int inconclusive = p.inconclusive();
    int errors = p.errors();
    int consecutiveErrors = p.consecutiveErrors();
    switch (m.phase()) {
      case SUCCESSFUL -> successful++;
      case FAILED -> failed++;
      case INCONCLUSIVE -> inconclusive++;
      case ERROR -> errors++;
    }
    consecutiveErrors = m.phase() == MeasurementPhase.ERROR ? consecutiveErrors + 1 : 0;
    List<Measurement> recent = new ArrayList<>(p.recent());
    recent.add(m);
    while (recent.size() > RECENT) {
      recent.removeFirst();
    }
    // an error is no answer: it does not use up the count (the error limit ends a streak)
    int taken = successful + failed + inconclusive;
    AnalysisPhase phase;
    if (failed > check.failureLimit() || consecutiveErrors > check.consecutiveErrorLimit()) {
      phase = AnalysisPhase.FAILED;
    } else if (inconclusive > check.inconclusiveLimit()) {
      phase = AnalysisPhase.INCONCLUSIVE;
    } else if (check.count() > 0 && taken >= check.count()) {
      phase = AnalysisPhase.SUCCESSFUL;
    } else {
      phase = AnalysisPhase.RUNNING;
    }
    return new CheckProgress(
        p.name(),
        phase,
        successful,
        failed,
        inconclusive,
        errors,
        consecutiveErrors,
        phase.done() ? null : now.plus(check.interval()),
        recent);
  }

  /** The run's verdict over its checks' progress. */
  static AnalysisProgress judge(
      List<ResolvedCheck> checks, Instant startedAt, List<CheckProgress> progress) {
    Map<String, ResolvedCheck> byName = new HashMap<>();
    checks.forEach(c -> byName.put(c.name(), c));
    for (CheckProgress p : progress) {
      if (p.phase() == AnalysisPhase.FAILED) {
        ResolvedCheck check = byName.get(p.name());
        boolean errors = check != null && p.consecutiveErrors() > check.consecutiveErrorLimit();
        String last = last(p);
        String message =
            errors
                ? "check "
                    + p.name()
                    + ": "
                    + p.consecutiveErrors()
                    + " errors in a row (limit "
                    + check.consecutiveErrorLimit()
                    + "): the analysis fails safe"
                    + last
                : "check "
                    + p.name()
                    + ": "
                    + p.failed()
                    + " failed measurements (limit "
                    + (check == null ? 0 : check.failureLimit())
                    + ")"
                    + last;
        return new AnalysisProgress(
            startedAt,
            AnalysisPhase.FAILED,
            errors ? REASON_ERROR_LIMIT : REASON_FAILURE_LIMIT,
            message,
            progress);
      }
    }
    boolean boundedRunning = false;
    CheckProgress inconclusive = null;
    boolean allSuccessful = true;
    for (CheckProgress p : progress) {
      ResolvedCheck check = byName.get(p.name());
      if (p.phase() == AnalysisPhase.RUNNING && check != null && check.count() > 0) {
        boundedRunning = true;
      }
      if (p.phase() == AnalysisPhase.INCONCLUSIVE && inconclusive == null) {
        inconclusive = p;
      }
      if (p.phase() != AnalysisPhase.SUCCESSFUL) {
        allSuccessful = false;
      }
    }
    if (inconclusive != null && !boundedRunning) {
      ResolvedCheck check = byName.get(inconclusive.name());
      return new AnalysisProgress(
          startedAt,
          AnalysisPhase.INCONCLUSIVE,
          REASON_INCONCLUSIVE_LIMIT,
          "check "
              + inconclusive.name()
              + ": "
              + inconclusive.inconclusive()
              + " inconclusive measurements (limit "
              + (check == null ? 0 : check.inconclusiveLimit())
              + "): a person decides"
              + last(inconclusive),
          progress);
    }
    if (allSuccessful && !progress.isEmpty()) {
      return new AnalysisProgress(
          startedAt,
          AnalysisPhase.SUCCESSFUL,
          REASON_SUCCESSFUL,
          "all " + progress.size() + " checks were successful",
          progress);
    }
    return new AnalysisProgress(startedAt, AnalysisPhase.RUNNING, null, null, progress);
  }

  private static String last(CheckProgress p) {
    @Nullable Measurement m = p.recent().isEmpty() ? null : p.recent().getLast();
    return m == null || m.message() == null ? "" : "; last: " + m.message();
  }
}
