package io.kubeward.server.fleet;

import io.kubeward.access.app.Caller;
import io.kubeward.fleet.app.ListProblemPods;
import io.kubeward.fleet.domain.ClusterProblems;
import io.kubeward.fleet.domain.FleetProblemPods;
import io.kubeward.fleet.domain.ProblemPodFilter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Fleet-wide reads (issue 19, ADR 0060): the pods with a problem across every cluster the caller
 * may read, each cluster marked when it is away; never a failure as a whole because of one cluster.
 */
@RestController
@RequestMapping("/api/v1")
class FleetController {

  private final ListProblemPods listProblemPods;
  private final MessageSource messages;

  FleetController(ListProblemPods listProblemPods, MessageSource messages) {
    this.listProblemPods = listProblemPods;
    this.messages = messages;
  }

  @Operation(
      summary = "The pods with a problem across every cluster the caller may read",
      description =
          "reason: a pod problem reason (CrashLoopBackOff, ImagePullBackOff, ErrImagePull,"
              + " CreateContainerConfigError, OOMKilled, Unschedulable, Evicted) or 'any' (the"
              + " default). cluster/namespace narrow the search. limit: 1-500 (50): the first"
              + " pods, cluster by cluster (default cluster first), then by namespace and name;"
              + " total counts every match. clusters[] says per cluster READY, SYNCING,"
              + " UNREACHABLE, FORBIDDEN or FAILED with a message in the caller's language;"
              + " complete is false when a cluster that would be searched did not answer.")
  @GetMapping("/problem-pods")
  FleetProblemPods problemPods(
      @Parameter(hidden = true) Caller caller,
      @RequestParam(required = false) String cluster,
      @RequestParam(required = false) String namespace,
      @RequestParam(required = false) String reason,
      @RequestParam(required = false) String limit,
      Locale locale) {
    FleetProblemPods answer =
        listProblemPods.list(caller, ProblemPodFilter.parse(cluster, namespace, reason, limit));
    return answer.mapClusters(c -> translate(c, locale));
  }

  private ClusterProblems translate(ClusterProblems cluster, Locale locale) {
    if (cluster.code() == null) {
      return cluster;
    }
    return cluster.withMessage(
        messages.getMessage(
            "problem." + cluster.code() + ".detail",
            cluster.details().values().toArray(),
            cluster.message(),
            locale));
  }
}
