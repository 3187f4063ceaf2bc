package io.kubeward.cluster.app;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.util.Map;

/** A cluster of that name is already managed. */
public final class ClusterExistsException extends KubewardException {

  public static final String CODE = "cluster.exists";

  public ClusterExistsException(String cluster) {
    super(
        CODE,
        ErrorKind.CONFLICT,
        "A cluster named " + cluster + " exists",
        Map.of("cluster", cluster));
  }
}
