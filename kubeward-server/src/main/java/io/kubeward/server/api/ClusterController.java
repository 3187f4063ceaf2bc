package io.kubeward.server.api;

import io.kubeward.cluster.app.ClusterStatus;
import io.kubeward.cluster.app.GetClusterOverview;
import io.kubeward.cluster.app.ListClusters;
import io.kubeward.cluster.domain.ClusterOverview;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The clusters and their overviews. Errors become problem responses in {@link ApiProblems}. */
@RestController
@RequestMapping("/api/v1")
class ClusterController {

  private final ListClusters listClusters;
  private final GetClusterOverview getOverview;

  ClusterController(ListClusters listClusters, GetClusterOverview getOverview) {
    this.listClusters = listClusters;
    this.getOverview = getOverview;
  }

  @GetMapping("/clusters")
  List<ClusterStatus> clusters() {
    return listClusters.list();
  }

  @GetMapping("/clusters/{name}/overview")
  ClusterOverview overview(@PathVariable String name) {
    return getOverview.of(name);
  }

  @GetMapping("/overview")
  ClusterOverview defaultOverview() {
    return getOverview.ofDefault();
  }
}
