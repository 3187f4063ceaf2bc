package io.kubeward.server.cluster;

import io.kubeward.access.app.Caller;
import io.kubeward.cluster.app.ClusterDetails;
import io.kubeward.cluster.app.ClusterStatus;
import io.kubeward.cluster.app.GetClusterOverview;
import io.kubeward.cluster.app.ListClusters;
import io.kubeward.cluster.app.ManageClusters;
import io.kubeward.cluster.domain.ClusterOverview;
import io.kubeward.cluster.domain.ControlPlaneHealth;
import io.kubeward.cluster.domain.Reachability;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The clusters and their overviews. Errors become problem responses in {@link ApiProblems}. */
@RestController
@RequestMapping("/api/v1")
class ClusterController {

  private final ListClusters listClusters;
  private final GetClusterOverview getOverview;
  private final ManageClusters manageClusters;
  private final AccessReasons reasons;

  ClusterController(
      ListClusters listClusters,
      GetClusterOverview getOverview,
      ManageClusters manageClusters,
      AccessReasons reasons) {
    this.listClusters = listClusters;
    this.getOverview = getOverview;
    this.manageClusters = manageClusters;
    this.reasons = reasons;
  }

  /** A cluster with its control plane's health checks. */
  record Details(
      String name,
      boolean defaultCluster,
      boolean reachable,
      Reachability.State state,
      java.time.Instant since,
      @Nullable String kubernetesVersion,
      @Nullable Long latencyMillis,
      boolean apiReady,
      @Nullable String lastError,
      boolean cacheSynced,
      String source,
      List<ControlPlaneHealth.Check> readyz,
      @Nullable String livez,
      @Nullable String healthError) {

    static Details of(ClusterDetails details) {
      ClusterStatus s = details.status();
      ControlPlaneHealth h = details.health();
      return new Details(
          s.name(),
          s.defaultCluster(),
          s.reachable(),
          s.state(),
          s.since(),
          s.kubernetesVersion(),
          s.latencyMillis(),
          s.apiReady(),
          s.lastError(),
          s.cacheSynced(),
          s.source(),
          h.readyz(),
          h.livez(),
          h.error());
    }
  }

  /** What an admin sends to add a cluster; the kubeconfig is never returned. */
  record NewCluster(String name, String kubeconfig, String context) {
    @Override
    public String toString() {
      return "NewCluster[name=" + name + "]";
    }
  }

  @Operation(summary = "The clusters the caller can see, default first")
  @GetMapping("/clusters")
  List<ClusterStatus> clusters(@Parameter(hidden = true) Caller caller, Locale locale) {
    return listClusters.list(caller).stream().map(s -> reasons.translate(s, locale)).toList();
  }

  @Operation(summary = "One cluster with /readyz?verbose checks and /livez, fetched now")
  @GetMapping("/clusters/{name}")
  Details cluster(@Parameter(hidden = true) Caller caller, @PathVariable String name) {
    return Details.of(listClusters.details(caller, name));
  }

  @Operation(summary = "Add a cluster from a kubeconfig (admin); credentials are stored encrypted")
  @PostMapping("/clusters")
  @ResponseStatus(HttpStatus.CREATED)
  ClusterStatus add(
      @Parameter(hidden = true) Caller caller, @RequestBody NewCluster request, Locale locale) {
    return reasons.translate(
        manageClusters.add(
            caller,
            new ManageClusters.NewCluster(request.name(), request.kubeconfig(), request.context())),
        locale);
  }

  @Operation(summary = "Remove a cluster added at runtime (admin)")
  @DeleteMapping("/clusters/{name}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void remove(@Parameter(hidden = true) Caller caller, @PathVariable String name) {
    manageClusters.remove(caller, name);
  }

  @Operation(summary = "The overview of a cluster over the namespaces the caller may read")
  @GetMapping("/clusters/{name}/overview")
  ClusterOverview overview(@Parameter(hidden = true) Caller caller, @PathVariable String name) {
    return getOverview.of(caller, name);
  }

  @Operation(summary = "The overview of the default cluster")
  @GetMapping("/overview")
  ClusterOverview defaultOverview(@Parameter(hidden = true) Caller caller) {
    return getOverview.ofDefault(caller);
  }
}
