package io.kubeward.helm.kube;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.access.app.Caller;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.cluster.kube.ClusterClients.Intent;
import io.kubeward.cluster.kube.KubeErrors;
import io.kubeward.helm.app.HelmReleaseStore;
import io.kubeward.helm.domain.HelmReleaseDetail;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Helm's release Secrets live with the caller's identity (the shared cache holds secrets as
 * metadata only, and the apiserver must decide who may read them). The list decodes only the newest
 * revision of each release, picked by the Secrets' {@code version} label.
 */
public final class KubeHelmReleaseStore implements HelmReleaseStore {

  static final String RELEASE_TYPE = "helm.sh/release.v1";

  private final ClusterClients clients;
  private final ReleasePayload payload;

  public KubeHelmReleaseStore(ClusterClients clients, ReleasePayload payload) {
    this.clients = clients;
    this.payload = payload;
  }

  @Override
  public List<HelmReleaseDetail> latest(Caller caller, String cluster, String namespace) {
    List<Secret> secrets = secrets(caller, cluster, namespace, Map.of("owner", "helm"));
    Map<String, Secret> newest = new LinkedHashMap<>();
    for (Secret secret : secrets) {
      String key = secret.getMetadata().getNamespace() + "/" + label(secret, "name");
      newest.merge(key, secret, (a, b) -> version(a) >= version(b) ? a : b);
    }
    return newest.values().stream().map(this::decode).toList();
  }

  @Override
  public List<HelmReleaseDetail> history(
      Caller caller, String cluster, String namespace, String name) {
    return secrets(caller, cluster, namespace, Map.of("owner", "helm", "name", name)).stream()
        .sorted(Comparator.comparingInt(KubeHelmReleaseStore::version).reversed())
        .map(this::decode)
        .toList();
  }

  private List<Secret> secrets(
      Caller caller, String cluster, String namespace, Map<String, String> labels) {
    KubernetesClient client = clients.forCaller(caller, cluster, Intent.READ);
    List<Secret> items =
        KubeErrors.call(
            cluster,
            () ->
                namespace == null
                    ? client.secrets().inAnyNamespace().withLabels(labels).list().getItems()
                    : client.secrets().inNamespace(namespace).withLabels(labels).list().getItems());
    return items.stream().filter(s -> RELEASE_TYPE.equals(s.getType())).toList();
  }

  private HelmReleaseDetail decode(Secret secret) {
    String data = secret.getData() == null ? null : secret.getData().get("release");
    return payload.decode(
        secret.getMetadata().getNamespace() + "/" + secret.getMetadata().getName(), data);
  }

  private static String label(Secret secret, String key) {
    return Optional.ofNullable(secret.getMetadata().getLabels()).map(l -> l.get(key)).orElse("");
  }

  private static int version(Secret secret) {
    try {
      return Integer.parseInt(label(secret, "version"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
