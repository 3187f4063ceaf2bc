package io.kubeward.server.cluster;

import io.kubeward.access.app.Caller;
import io.kubeward.cluster.app.ListResources;
import io.kubeward.cluster.domain.KubeObjectView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Fast lists of the cached kinds, answered from the shared cache. */
@RestController
@RequestMapping("/api/v1/clusters/{cluster}/resources")
class ResourceController {

  private final ListResources listResources;

  ResourceController(ListResources listResources) {
    this.listResources = listResources;
  }

  /**
   * A page of compact views.
   *
   * @param kind the plural of the listed kind ({@code pods})
   * @param apiVersion and {@code objectKind}: where to read one item as YAML ({@code /object})
   */
  record ListPage(
      String kind,
      String apiVersion,
      String objectKind,
      List<? extends KubeObjectView> items,
      int total,
      @com.fasterxml.jackson.annotation.JsonProperty("continue") @Nullable String continueToken) {}

  @Operation(
      summary = "A filtered, sorted page of one cached kind",
      description =
          "sort: name, namespace, age (youngest first), -age, restarts, -restarts, status."
              + " problem: a pod problem reason or 'any'. owner: Kind/name (with namespace).")
  @GetMapping("/{kind}")
  ListPage list(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String kind,
      @RequestParam(required = false) String namespace,
      @RequestParam(required = false) String labelSelector,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String node,
      @RequestParam(required = false) String phase,
      @RequestParam(required = false) String problem,
      @RequestParam(required = false) String owner,
      @RequestParam(required = false) String sort,
      @RequestParam(required = false) String limit,
      @RequestParam(name = "continue", required = false) String continueToken) {
    ListResources.Result result =
        listResources.list(
            caller,
            cluster,
            kind,
            new ListResources.Request(
                namespace,
                labelSelector,
                name,
                node,
                phase,
                problem,
                owner,
                sort,
                limit,
                continueToken));
    return new ListPage(
        result.kind().plural(),
        result.kind().apiVersion(),
        result.kind().kind(),
        result.page().items(),
        result.page().total(),
        result.page().continueToken());
  }
}
