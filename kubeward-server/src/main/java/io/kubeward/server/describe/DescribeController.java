package io.kubeward.server.describe;

import io.kubeward.access.app.Caller;
import io.kubeward.describe.app.DescribeObject;
import io.kubeward.describe.domain.Description;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code kubectl describe} for the built-in kinds that matter (ADR 0027). */
@RestController
@RequestMapping("/api/v1/clusters/{cluster}/describe")
class DescribeController {

  private final DescribeObject describe;

  DescribeController(DescribeObject describe) {
    this.describe = describe;
  }

  @Operation(
      operationId = "describeObject",
      summary = "What kubectl describe shows of one object, with related objects as references",
      description =
          "kind: Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Service,"
              + " Ingress, PersistentVolumeClaim, PersistentVolume, Node or"
              + " HorizontalPodAutoscaler (or its plural or kubectl's short name); another kind"
              + " answers 400 describe.unsupported-kind listing them. namespace: for namespaced"
              + " kinds (default: default). The object is read live with the caller's identity"
              + " (403 resource.forbidden from the cluster, 404 resource.not-found); related"
              + " objects come from the cache where the caller may list them. Secret values are"
              + " never shown.")
  @GetMapping("/{kind}/{name}")
  Description describeObject(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String kind,
      @PathVariable String name,
      @RequestParam(required = false) String namespace) {
    return describe.describe(caller, cluster, kind, namespace, name);
  }
}
