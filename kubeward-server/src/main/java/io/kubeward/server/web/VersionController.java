package io.kubeward.server.web;

import io.kubeward.cluster.app.ClusterStatus;
import io.kubeward.cluster.app.ListClusters;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/version}: Kubeward's version and the default cluster's Kubernetes version. */
@RestController
class VersionController {

  private final ListClusters clusters;
  private final String kubewardVersion;

  VersionController(ListClusters clusters, ObjectProvider<BuildProperties> build) {
    this.clusters = clusters;
    BuildProperties properties = build.getIfAvailable();
    this.kubewardVersion = properties != null ? properties.getVersion() : "dev";
  }

  /**
   * @param kubernetes the default cluster's version, {@code null} if it was never reached
   */
  record Version(String kubeward, String cluster, @Nullable String kubernetes) {}

  @GetMapping("/api/v1/version")
  Version version() {
    ClusterStatus cluster = clusters.defaultCluster();
    return new Version(kubewardVersion, cluster.name(), cluster.kubernetesVersion());
  }
}
