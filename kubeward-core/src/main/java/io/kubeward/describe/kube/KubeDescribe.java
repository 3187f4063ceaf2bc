package io.kubeward.describe.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubeward.access.app.Caller;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.cluster.kube.KubeErrors;
import io.kubeward.describe.app.DescribeGateway;
import io.kubeward.describe.domain.DescribeKind;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Describe's live reads with the caller's identity ({@link ClusterClients}). */
public final class KubeDescribe implements DescribeGateway {

  /** A Service has a few slices (100 endpoints each); more is not read. */
  static final long MAX_SLICES = 50;

  private final ClusterClients clients;

  public KubeDescribe(ClusterClients clients) {
    this.clients = clients;
  }

  @Override
  public Optional<HasMetadata> read(
      Caller caller, String cluster, DescribeKind kind, @Nullable String namespace, String name) {
    KubernetesClient client = clients.forCaller(caller, cluster, ClusterClients.Intent.READ);
    HasMetadata found;
    try {
      found =
          switch (kind) {
            case POD -> client.pods().inNamespace(namespace).withName(name).get();
            case DEPLOYMENT ->
                client.apps().deployments().inNamespace(namespace).withName(name).get();
            case STATEFULSET ->
                client.apps().statefulSets().inNamespace(namespace).withName(name).get();
            case DAEMONSET ->
                client.apps().daemonSets().inNamespace(namespace).withName(name).get();
            case REPLICASET ->
                client.apps().replicaSets().inNamespace(namespace).withName(name).get();
            case JOB -> client.batch().v1().jobs().inNamespace(namespace).withName(name).get();
            case CRONJOB ->
                client.batch().v1().cronjobs().inNamespace(namespace).withName(name).get();
            case SERVICE -> client.services().inNamespace(namespace).withName(name).get();
            case INGRESS ->
                client.network().v1().ingresses().inNamespace(namespace).withName(name).get();
            case PERSISTENTVOLUMECLAIM ->
                client.persistentVolumeClaims().inNamespace(namespace).withName(name).get();
            case PERSISTENTVOLUME -> client.persistentVolumes().withName(name).get();
            case NODE -> client.nodes().withName(name).get();
            case HORIZONTALPODAUTOSCALER ->
                client
                    .autoscaling()
                    .v2()
                    .horizontalPodAutoscalers()
                    .inNamespace(namespace)
                    .withName(name)
                    .get();
          };
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return Optional.empty();
      }
      throw KubeErrors.translate(cluster, e);
    }
    return Optional.ofNullable(found);
  }

  @Override
  public List<EndpointSlice> endpointSlices(
      Caller caller, String cluster, String namespace, String service) {
    KubernetesClient client = clients.forCaller(caller, cluster, ClusterClients.Intent.READ);
    return KubeErrors.call(
        cluster,
        () ->
            client
                .discovery()
                .v1()
                .endpointSlices()
                .inNamespace(namespace)
                .withLabel("kubernetes.io/service-name", service)
                .list(
                    new io.fabric8.kubernetes.api.model.ListOptionsBuilder()
                        .withLimit(MAX_SLICES)
                        .build())
                .getItems());
  }
}
