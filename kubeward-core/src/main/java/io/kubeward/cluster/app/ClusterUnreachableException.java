package io.kubeward.cluster.app;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The cluster's API does not answer, so Kubeward will not show possibly stale data as current. */
public final class ClusterUnreachableException extends KubewardException {

  public static final String CODE = "cluster.unreachable";

  public ClusterUnreachableException(String cluster, Instant since, String lastError) {
    super(
        CODE,
        ErrorKind.UNAVAILABLE,
        "Cluster " + cluster + " is unreachable since " + since + ": " + lastError,
        properties(cluster, since, lastError));
  }

  private static Map<String, Object> properties(String cluster, Instant since, String lastError) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("cluster", cluster);
    properties.put("lastError", Objects.requireNonNullElse(lastError, "-"));
    properties.put("unreachableSince", since);
    return properties;
  }
}
