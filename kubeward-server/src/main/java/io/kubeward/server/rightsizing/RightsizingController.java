package io.kubeward.server.rightsizing;

import io.kubeward.access.app.Caller;
import io.kubeward.rightsizing.app.ApplyRequest;
import io.kubeward.rightsizing.app.ChangeResult;
import io.kubeward.rightsizing.app.ListRecommendations;
import io.kubeward.rightsizing.app.RightsizingChanges;
import io.kubeward.rightsizing.domain.RightsizingException;
import io.kubeward.server.rightsizing.RightsizingDtos.ApplyBody;
import io.kubeward.server.rightsizing.RightsizingDtos.Change;
import io.kubeward.server.rightsizing.RightsizingDtos.ExportView;
import io.kubeward.server.rightsizing.RightsizingDtos.ListView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Right-sizing (ADR 0048): per-container recommendations ranked by waste or risk; a change applied
 * to exactly one container's requests with the caller's identity, audited, stored and revertible;
 * the same change exported as a patch for kubectl.
 */
@RestController
@RequestMapping("/api/v1/clusters/{cluster}/rightsizing")
class RightsizingController {

  private final ListRecommendations recommendations;
  private final RightsizingChanges changes;

  RightsizingController(ListRecommendations recommendations, RightsizingChanges changes) {
    this.recommendations = recommendations;
    this.changes = changes;
  }

  @Operation(
      summary =
          "Recommended requests per workload container from its usage over the window, the"
              + " largest waste or risk first")
  @GetMapping("/recommendations")
  ListView list(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @Parameter(description = "one namespace; omitted: every namespace the caller sees")
          @RequestParam(required = false)
          @Nullable String namespace) {
    return ListView.of(recommendations.list(caller, cluster, namespace));
  }

  @Operation(
      summary =
          "Apply new requests to exactly one container (as the caller, audited, revertible);"
              + " refused when a request would exceed a limit unless raiseLimits")
  @PostMapping("/apply")
  Change apply(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @RequestBody(required = false) @Nullable ApplyBody body) {
    ChangeResult result = changes.apply(caller, cluster, request(body));
    return Change.of(result.change(), result.auditId());
  }

  @Operation(summary = "The patch that would apply the requests, as YAML for kubectl patch")
  @PostMapping("/export")
  ExportView export(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @RequestBody(required = false) @Nullable ApplyBody body) {
    RightsizingChanges.Export export = changes.export(caller, cluster, request(body));
    return new ExportView(export.yaml(), export.command());
  }

  @Operation(summary = "The changes applied in this cluster, newest first")
  @GetMapping("/changes")
  List<Change> changes(@Parameter(hidden = true) Caller caller, @PathVariable String cluster) {
    return changes.changes(caller, cluster).stream().map(c -> Change.of(c, -1)).toList();
  }

  @Operation(
      summary =
          "Revert a change: the previous requests back, refused with 409 if the container's"
              + " requests were changed since")
  @PostMapping("/changes/{id}/revert")
  Change revert(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable long id) {
    if (id < 1) {
      throw RightsizingException.invalid("id", "a positive number");
    }
    ChangeResult result = changes.revert(caller, cluster, id);
    return Change.of(result.change(), result.auditId());
  }

  private static ApplyRequest request(@Nullable ApplyBody body) {
    if (body == null) {
      throw RightsizingException.invalid("body", "a container to change is required");
    }
    return new ApplyRequest(
        body.namespace(),
        body.kind(),
        body.name(),
        body.container(),
        body.cpu(),
        body.memory(),
        Boolean.TRUE.equals(body.raiseLimits()));
  }
}
