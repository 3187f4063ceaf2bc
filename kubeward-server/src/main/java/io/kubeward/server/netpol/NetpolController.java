package io.kubeward.server.netpol;

import io.kubeward.access.app.Caller;
import io.kubeward.netpol.app.ViewPodNetwork;
import io.kubeward.netpol.domain.PodNetworkView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Which NetworkPolicies select a pod and what they allow, in words (ADR 0045). */
@RestController
@RequestMapping("/api/v1/clusters/{cluster}/netpol")
class NetpolController {

  private final ViewPodNetwork view;

  NetpolController(ViewPodNetwork view) {
    this.view = view;
  }

  @Operation(summary = "The NetworkPolicies that select a pod and the traffic they allow")
  @GetMapping("/namespaces/{namespace}/pods/{pod}")
  PodNetworkView pod(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @PathVariable String pod) {
    return view.view(caller, cluster, namespace, pod);
  }
}
