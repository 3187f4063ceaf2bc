package io.kubeward.cluster.app;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.util.Map;

/** The cluster answers, but Kubeward has not finished loading its objects yet. */
public final class ClusterNotSyncedException extends KubewardException {

  public static final String CODE = "cluster.syncing";

  public ClusterNotSyncedException(String cluster) {
    super(
        CODE,
        ErrorKind.UNAVAILABLE,
        "Cluster " + cluster + " is still being loaded",
        Map.of("cluster", cluster));
  }
}
