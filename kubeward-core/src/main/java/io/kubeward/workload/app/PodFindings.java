package io.kubeward.workload.app;

import io.kubeward.access.app.Caller;
import io.kubeward.workload.domain.PodFinding;
import java.util.List;

/**
 * Port: the active diagnostics findings about one pod that the caller may see (implemented over the
 * diagnostics feature's findings in the server's wiring, so the two features stay apart).
 */
@FunctionalInterface
public interface PodFindings {

  List<PodFinding> about(Caller caller, String cluster, String namespace, String pod);

  /** No findings (no diagnostics engine). */
  PodFindings NONE = (caller, cluster, namespace, pod) -> List.of();
}
