package io.kubeward.server.capacity;

import io.kubeward.access.app.Caller;
import io.kubeward.capacity.app.AskWhatIf;
import io.kubeward.capacity.app.CapacityRequestException;
import io.kubeward.capacity.app.GetCapacity;
import io.kubeward.capacity.domain.CapacityReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Capacity per cluster, node pool and zone with the headroom policy and demand forecasts, and
 * what-if scheduling (issue 17, ADR 0049). CPU in millicores, memory in bytes. Nothing here writes:
 * a what-if is answered by the scheduler model over the cached state plus what is read live as the
 * caller.
 */
@RestController
@RequestMapping("/api/v1/clusters/{cluster}/capacity")
class CapacityController {

  private final GetCapacity capacity;
  private final AskWhatIf whatIf;
  private final MessageSource messages;

  CapacityController(GetCapacity capacity, AskWhatIf whatIf, MessageSource messages) {
    this.capacity = capacity;
    this.whatIf = whatIf;
    this.messages = messages;
  }

  @Operation(
      summary = "Allocatable vs requested vs used per cluster, node pool and zone, with headroom",
      description =
          "Needs list nodes; used needs list metrics.k8s.io nodes (else null). requestable ="
              + " allocatable − headroom − requested. With forecast=true, CPU and memory demand"
              + " forecasts (method none, linear-trend or linear-trend-weekly-seasonality, points"
              + " and days of history used) and the days until demand reaches allocatable −"
              + " headroom (outlook exhausted, within-horizon, not-within-horizon, unknown).")
  @GetMapping
  CapacityReport report(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @RequestParam(defaultValue = "true") boolean forecast) {
    return capacity.report(caller, cluster, forecast);
  }

  @Operation(
      summary = "What if: N more replicas, a drain of a node/zone/pool, or other requests",
      description =
          "question=replicas (kind, namespace, name, replicas), requests (kind, namespace, name,"
              + " cpu and/or memory as quantities: the workload's replicas re-placed with them),"
              + " drain (exactly one of node, zone, pool: pods other than DaemonSet pods evicted"
              + " and re-placed). Each pod → node, or per node why it does not fit, in the"
              + " caller's language. Workload templates and drained pods are read as the caller.")
  @GetMapping("/what-if")
  WhatIfView whatIf(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @RequestParam String question,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String namespace,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) Integer replicas,
      @RequestParam(required = false) String cpu,
      @RequestParam(required = false) String memory,
      @RequestParam(required = false) String node,
      @RequestParam(required = false) String zone,
      @RequestParam(required = false) String pool,
      Locale locale) {
    var answer =
        switch (question) {
          case "replicas" ->
              whatIf.replicas(
                  caller,
                  cluster,
                  kind == null ? "Deployment" : kind,
                  namespace,
                  name,
                  replicas == null ? 1 : replicas);
          case "requests" ->
              whatIf.requests(
                  caller,
                  cluster,
                  kind == null ? "Deployment" : kind,
                  namespace,
                  name,
                  cpu,
                  memory);
          case "drain" ->
              whatIf.drain(caller, cluster, new AskWhatIf.DrainTarget(node, zone, pool));
          default -> throw CapacityRequestException.unknownQuestion(question);
        };
    return WhatIfView.of(answer, messages, locale);
  }
}
