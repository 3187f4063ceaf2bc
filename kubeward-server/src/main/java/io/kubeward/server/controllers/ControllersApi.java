package io.kubeward.server.controllers;

import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.ResourceAction;
import io.kubeward.access.domain.Verb;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.cluster.app.ClusterNotFoundException;
import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.runtime.app.ControllerMetrics;
import io.kubeward.runtime.domain.CrdStatus;
import io.kubeward.runtime.kube.ControllerRuntime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The controller runtime of one cluster as this replica sees it: leadership, CRD states, each
 * controller's counters ({@code GET}, cluster-wide read), and the admin action that checks and
 * installs the CRDs again in the background ({@code POST .../crds/check}, ADMINISTER, audited; 202
 * with the states at once, never waiting for the apiserver).
 */
@RestController
@RequestMapping("/api/v1/clusters/{cluster}/controllers")
class ControllersApi {

  /** One controller's state and counters. */
  record ControllerJson(
      String name,
      boolean running,
      int queueDepth,
      long reconciles,
      long reconcileErrors,
      double reconcileSecondsTotal,
      double reconcileSecondsMax) {
    static ControllerJson of(boolean running, ControllerMetrics m) {
      return new ControllerJson(
          m.controller(),
          running,
          m.queueDepth(),
          m.reconciles(),
          m.reconcileErrors(),
          m.reconcileTotalTime().toNanos() / 1e9,
          m.reconcileMaxTime().toNanos() / 1e9);
    }
  }

  /** The runtime in one cluster. */
  record ClusterJson(
      String cluster,
      String identity,
      boolean leading,
      String leader,
      List<CrdStatus> crds,
      List<ControllerJson> controllers) {}

  /** Who may see the controllers of a cluster: whoever may list what they reconcile. */
  private static final ResourceAction LIST_MAINTENANCES =
      ResourceAction.of("list", "kubeward.io", "nodemaintenances", null);

  private final ControllerRuntime runtime;
  private final ClusterRegistry registry;
  private final Authorizer authorizer;
  private final AuditedAction audited;

  ControllersApi(
      ControllerRuntime runtime,
      ClusterRegistry registry,
      Authorizer authorizer,
      AuditedAction audited) {
    this.runtime = runtime;
    this.registry = registry;
    this.authorizer = authorizer;
    this.audited = audited;
  }

  @Operation(summary = "Controllers of a cluster: leadership, CRD states, counters")
  @GetMapping
  ClusterJson get(@Parameter(hidden = true) Caller caller, @PathVariable String cluster) {
    known(cluster);
    authorizer.requireList(caller, cluster, LIST_MAINTENANCES);
    runtime.ensure(cluster);
    return json(cluster);
  }

  @Operation(summary = "Check and install Kubeward's CRDs in the cluster again (in the background)")
  @PostMapping("/crds/check")
  ResponseEntity<ClusterJson> checkCrds(
      @Parameter(hidden = true) Caller caller, @PathVariable String cluster) {
    known(cluster);
    ClusterJson body =
        audited.run(
            caller,
            Verb.ADMINISTER,
            new AuditedAction.Target(cluster, null, "CustomResourceDefinition", null),
            "controllers.crds-check",
            () -> {
              runtime.checkCrds(cluster);
              return AuditedAction.Outcome.of(json(cluster));
            });
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(body);
  }

  private void known(String cluster) {
    if (registry.find(cluster).isEmpty()) {
      throw new ClusterNotFoundException(cluster);
    }
  }

  private ClusterJson json(String cluster) {
    return runtime
        .state(cluster)
        .map(
            s ->
                new ClusterJson(
                    cluster,
                    runtime.identity(),
                    s.leading(),
                    s.leader(),
                    s.crds(),
                    s.controllers().stream()
                        .map(c -> ControllerJson.of(c.running(), c.metrics()))
                        .toList()))
        .orElse(new ClusterJson(cluster, runtime.identity(), false, null, List.of(), List.of()));
  }
}
