package io.kubeward.workload.app;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import io.kubeward.workload.domain.WorkloadKind;
import java.util.LinkedHashMap;
import java.util.Map;

/** The cluster has no workload of that kind and name in that namespace (in the shared cache). */
public final class WorkloadNotFoundException extends KubewardException {

  public static final String CODE = "workload.not-found";

  public WorkloadNotFoundException(
      String cluster, WorkloadKind kind, String namespace, String name) {
    super(
        CODE,
        ErrorKind.NOT_FOUND,
        "Cluster " + cluster + " has no " + kind.kind() + " " + namespace + "/" + name,
        props(kind, namespace, name, cluster));
  }

  private static Map<String, Object> props(
      WorkloadKind kind, String namespace, String name, String cluster) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("kind", kind.kind());
    properties.put("namespace", namespace);
    properties.put("name", name);
    properties.put("cluster", cluster);
    return properties;
  }
}
