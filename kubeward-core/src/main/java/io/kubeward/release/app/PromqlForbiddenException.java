package io.kubeward.release.app;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Release with {@code promql} checks from a caller who may not query the cluster's Prometheus
 * (ADR 0021, 0035): PromQL reads every namespace's data. Nothing was written.
 */
public final class PromqlForbiddenException extends KubewardException {

  public static final String CODE = "release.promql-forbidden";

  public PromqlForbiddenException(String username, String cluster, String namespace) {
    super(
        CODE,
        ErrorKind.FORBIDDEN,
        username
            + " may not query the Prometheus of cluster "
            + cluster
            + ", so may not create a Release with promql checks (namespace "
            + namespace
            + ")",
        properties(cluster, namespace, username));
  }

  private static Map<String, Object> properties(String cluster, String namespace, String user) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("cluster", cluster);
    p.put("namespace", namespace);
    p.put("user", user);
    return p;
  }
}
