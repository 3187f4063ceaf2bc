// PLACEHOLDER: the lead deletes this at merge
package io.kubeward.server.release;

import io.kubeward.release.app.ReleaseAnalysis;
import io.kubeward.release.domain.AnalysisCheck;
import io.kubeward.release.domain.AnalysisPhase;
import io.kubeward.release.domain.AnalysisProgress;
import io.kubeward.release.domain.AnalysisSubject;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** Until the analysis part is merged: every analysis is inconclusive (the Release pauses). */
@Component
class ReleaseAnalysisPlaceholder implements ReleaseAnalysis {

  @Override
  public AnalysisProgress advance(
      AnalysisSubject subject, List<AnalysisCheck> checks, AnalysisProgress previous, Instant now) {
    return new AnalysisProgress(
        previous.startedAt(),
        AnalysisPhase.INCONCLUSIVE,
        "AnalysisNotAvailable",
        "analysis not available",
        previous.checks());
  }

  @Override
  public List<String> validate(List<AnalysisCheck> checks) {
    return List.of();
  }
}
