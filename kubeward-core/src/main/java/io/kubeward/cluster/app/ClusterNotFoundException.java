package io.kubeward.cluster.app;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.util.Map;

/** No cluster of that name is managed by Kubeward. */
public final class ClusterNotFoundException extends KubewardException {

  public static final String CODE = "cluster.not-found";

  public ClusterNotFoundException(String cluster) {
    super(CODE, ErrorKind.NOT_FOUND, "No cluster named " + cluster, Map.of("cluster", cluster));
  }
}
