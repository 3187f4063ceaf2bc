package io.kubeward.server.node;

import io.kubeward.access.app.Caller;
import io.kubeward.cluster.domain.NodeTaint;
import io.kubeward.node.app.CordonNode;
import io.kubeward.node.app.EditNodeMetadata;
import io.kubeward.node.app.GetNodeDetail;
import io.kubeward.node.app.NodeDetail;
import io.kubeward.node.domain.NodeMetadata;
import io.kubeward.node.health.app.ListNodeHealth;
import io.kubeward.node.health.domain.HealthDetection;
import io.kubeward.resource.app.ResourceException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Node detail, cordon/uncordon, label and taint edits with preview, and node health. */
@RestController
@RequestMapping("/api/v1/clusters/{cluster}")
class NodeController {

  private final GetNodeDetail details;
  private final CordonNode cordon;
  private final EditNodeMetadata metadata;
  private final ListNodeHealth health;

  NodeController(
      GetNodeDetail details, CordonNode cordon, EditNodeMetadata metadata, ListNodeHealth health) {
    this.details = details;
    this.cordon = cordon;
    this.metadata = metadata;
    this.health = health;
  }

  /** The desired full sets of labels and taints; both are required. */
  record MetadataRequest(Map<String, String> labels, List<NodeTaint> taints) {
    NodeMetadata toMetadata() {
      if (labels == null || taints == null) {
        throw ResourceException.invalid(
            "both \"labels\" and \"taints\" are required: they are the desired full sets");
      }
      for (int i = 0; i < taints.size(); i++) {
        if (taints.get(i) == null) {
          throw ResourceException.invalid("taint " + (i + 1) + " is null");
        }
      }
      return new NodeMetadata(labels, taints);
    }
  }

  record HealthItems(List<HealthDetection> items) {}

  @Operation(summary = "A node's detail: conditions, heartbeat age, resources, pods, health")
  @GetMapping("/nodes/{node}")
  NodeDetail detail(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String node) {
    return details.get(caller, cluster, node);
  }

  @Operation(summary = "Cordon: mark the node unschedulable (audited node.cordon)")
  @PostMapping("/nodes/{node}/cordon")
  NodeDetail cordon(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String node) {
    return cordon.set(caller, cluster, node, true);
  }

  @Operation(summary = "Uncordon: mark the node schedulable (audited node.uncordon)")
  @PostMapping("/nodes/{node}/uncordon")
  NodeDetail uncordon(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String node) {
    return cordon.set(caller, cluster, node, false);
  }

  @Operation(
      summary = "Preview a label and taint edit: a unified diff; nothing changes",
      description = "The body holds the desired full sets. 400 node.invalid-label/-taint.")
  @PostMapping("/nodes/{node}/metadata/preview")
  EditNodeMetadata.Preview preview(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String node,
      @RequestBody MetadataRequest request) {
    return metadata.preview(caller, cluster, node, request.toMetadata());
  }

  @Operation(
      summary = "Replace the node's labels and taints (audited node.metadata with the diff)",
      description = "Written only if the node did not change since it was read (else 409).")
  @PutMapping("/nodes/{node}/metadata")
  NodeDetail apply(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String node,
      @RequestBody MetadataRequest request) {
    return metadata.apply(caller, cluster, node, request.toMetadata());
  }

  @Operation(summary = "Node health detections, newest first (active and recently ended)")
  @GetMapping("/node-health")
  HealthItems nodeHealth(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @RequestParam(required = false) Boolean active,
      @RequestParam(required = false) String node) {
    return new HealthItems(health.list(caller, cluster, active, node));
  }
}
