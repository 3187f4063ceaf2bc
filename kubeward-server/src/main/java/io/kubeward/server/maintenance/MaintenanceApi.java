package io.kubeward.server.maintenance;

import io.kubeward.access.app.Caller;
import io.kubeward.maintenance.app.ManageMaintenances;
import io.kubeward.maintenance.domain.InvalidMaintenanceException;
import io.kubeward.maintenance.domain.MaintenancePreview;
import io.kubeward.maintenance.domain.MaintenanceSpec;
import io.kubeward.maintenance.domain.MaintenanceView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Node maintenance and node drain (docs/API.md, section Maintenance). */
@RestController
@RequestMapping("/api/v1/clusters/{cluster}")
class MaintenanceApi {

  private final ManageMaintenances maintenances;
  private final JsonMapper json;

  MaintenanceApi(ManageMaintenances maintenances, JsonMapper json) {
    this.maintenances = maintenances;
    this.json = json;
  }

  /** The list answer. */
  @Schema(name = "MaintenanceList")
  record Items(List<MaintenanceView> items) {}

  /** With the spec, the body of a create: the name is generated when it is left out. */
  @Schema(name = "NewMaintenance")
  record NewMaintenance(@Nullable String name) {}

  @Operation(
      summary = "Drain a node: creates a one-node NodeMaintenance (no action)",
      description =
          "The node is cordoned, then drained pod by pod; it stays cordoned unless uncordon=true."
              + " Needs MUTATE on the whole cluster; audited as node.drain.")
  @ApiResponse(responseCode = "201", description = "The maintenance that drains the node")
  @PostMapping("/nodes/{node}/drain")
  ResponseEntity<MaintenanceView> drain(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String node,
      @RequestBody(required = false) ManageMaintenances.DrainRequest body) {
    return created(cluster, maintenances.drainNode(caller, cluster, node, body));
  }

  @Operation(summary = "The NodeMaintenances of the cluster, newest first")
  @GetMapping("/maintenances")
  Items list(@Parameter(hidden = true) Caller caller, @PathVariable String cluster) {
    return new Items(maintenances.list(caller, cluster));
  }

  @Operation(summary = "One NodeMaintenance with its nodes' steps and drain progress")
  @GetMapping("/maintenances/{name}")
  MaintenanceView get(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String name) {
    return maintenances.get(caller, cluster, name);
  }

  @Operation(
      summary = "Create a NodeMaintenance: the body is the spec plus an optional name",
      description = "Validated completely first: a bad spec answers 400 and creates nothing.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content =
                  @Content(
                      schema = @Schema(allOf = {MaintenanceSpec.class, NewMaintenance.class}))))
  @ApiResponse(responseCode = "201", description = "The created maintenance")
  @PostMapping("/maintenances")
  ResponseEntity<MaintenanceView> create(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @RequestBody Map<String, Object> body) {
    Map<String, Object> spec = new LinkedHashMap<>(body);
    Object name = spec.remove("name");
    return created(
        cluster,
        maintenances.create(
            caller, cluster, name == null ? null : String.valueOf(name), toSpec(spec)));
  }

  @Operation(
      summary = "The nodes in batches of the concurrency, and each node's drain plan",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content = @Content(schema = @Schema(implementation = MaintenanceSpec.class))))
  @PostMapping("/maintenances/preview")
  MaintenancePreview preview(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @RequestBody Map<String, Object> body) {
    Map<String, Object> spec = new LinkedHashMap<>(body);
    spec.remove("name");
    return maintenances.preview(caller, cluster, toSpec(spec));
  }

  @Operation(summary = "Pause: no new step starts (spec.paused=true)")
  @PostMapping("/maintenances/{name}/pause")
  MaintenanceView pause(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String name) {
    return maintenances.pause(caller, cluster, name);
  }

  @Operation(summary = "Resume a paused maintenance")
  @PostMapping("/maintenances/{name}/resume")
  MaintenanceView resume(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String name) {
    return maintenances.resume(caller, cluster, name);
  }

  @Operation(
      summary = "Cancel (spec.cancelled=true)",
      description =
          "Nodes not started are skipped; nodes in progress stop and are made schedulable again if"
              + " this maintenance cordoned them; done nodes stay done.")
  @PostMapping("/maintenances/{name}/cancel")
  MaintenanceView cancel(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String name) {
    return maintenances.cancel(caller, cluster, name);
  }

  private MaintenanceSpec toSpec(Map<String, Object> spec) {
    try {
      return json.convertValue(spec, MaintenanceSpec.class);
    } catch (JacksonException | IllegalArgumentException e) {
      throw new InvalidMaintenanceException("spec", firstLine(e.getMessage()));
    }
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "malformed";
    }
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }

  private static ResponseEntity<MaintenanceView> created(String cluster, MaintenanceView view) {
    return ResponseEntity.created(
            URI.create("/api/v1/clusters/" + cluster + "/maintenances/" + view.name()))
        .body(view);
  }
}
