package io.kubeward.server.drain;

import io.kubeward.access.app.Caller;
import io.kubeward.drain.app.PreviewDrain;
import io.kubeward.drain.domain.DrainPlan;
import io.kubeward.drain.domain.DrainVerdict;
import io.kubeward.drain.domain.PodFate;
import io.kubeward.drain.domain.PodPlan;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What draining a node would do. Errors become problem responses in the API's advice. */
@RestController
@RequestMapping("/api/v1/clusters/{cluster}/nodes/{node}")
class DrainController {

  private final PreviewDrain previewDrain;
  private final DrainProperties properties;

  DrainController(PreviewDrain previewDrain, DrainProperties properties) {
    this.previewDrain = previewDrain;
    this.properties = properties;
  }

  /** A drain plan with the number of pods of each fate (every fate, 0 if none). */
  record DrainPreview(
      String node, DrainVerdict verdict, List<PodPlan> pods, Map<PodFate, Integer> counts) {

    static DrainPreview of(DrainPlan plan) {
      return new DrainPreview(plan.node(), plan.verdict(), plan.pods(), plan.counts());
    }
  }

  @Operation(
      summary = "What draining the node would do now, pod by pod",
      description =
          "Reads the node's pods and their disruption budgets live; changes nothing. Needs read"
              + " access to the whole cluster. verdict: CAN_DRAIN_NOW, WILL_WAIT (budgets hold"
              + " pods back) or REFUSED (pods need force or deleteEmptyDirData).")
  @GetMapping("/drain-preview")
  DrainPreview preview(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String node,
      @RequestParam(defaultValue = "false") boolean force,
      @RequestParam(defaultValue = "false") boolean deleteEmptyDirData) {
    return DrainPreview.of(
        previewDrain.preview(
            caller,
            cluster,
            node,
            properties.defaults().withForce(force).withDeleteEmptyDirData(deleteEmptyDirData)));
  }
}
