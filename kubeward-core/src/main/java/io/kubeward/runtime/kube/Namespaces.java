package io.kubeward.runtime.kube;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates a namespace Kubeward's controllers need, if absent (best effort). */
public final class Namespaces {

  private static final Logger log = LoggerFactory.getLogger(Namespaces.class);

  private Namespaces() {}

  /**
   * Creates {@code namespace} unless it exists; without the permission (403), or when another
   * replica was quicker (409), it is left to exist already. Other failures are logged, not thrown:
   * what needs the namespace fails later with its own error.
   */
  public static void ensure(String cluster, KubernetesClient client, String namespace) {
    try {
      if (client.namespaces().withName(namespace).get() == null) {
        client
            .namespaces()
            .resource(
                new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
            .create();
        log.info("Cluster {}: created namespace {} for Kubeward's controllers", cluster, namespace);
      }
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT
          && e.getCode() != HttpURLConnection.HTTP_FORBIDDEN) {
        log.warn("Cluster {}: cannot ensure namespace {}: {}", cluster, namespace, e.getMessage());
      }
    } catch (RuntimeException e) {
      log.warn("Cluster {}: cannot ensure namespace {}: {}", cluster, namespace, e.toString());
    }
  }
}
