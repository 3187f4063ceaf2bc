package io.kubeward.sandbox;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The sandbox's sample namespaces and workloads, some of them unhealthy on purpose. */
final class SampleWorkloads {

  static final String RESOURCE = "/io/kubeward/sandbox/workloads.yaml";
  static final String FIELD_MANAGER = "kubeward-sandbox";

  private SampleWorkloads() {}

  static List<HasMetadata> load(KubernetesClient client) {
    try (InputStream yaml = SampleWorkloads.class.getResourceAsStream(RESOURCE)) {
      return client.load(yaml).items();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Applies every object in file order (namespaces first) by server-side apply. */
  static int apply(KubernetesClient client) {
    List<HasMetadata> objects = load(client);
    for (HasMetadata object : objects) {
      client.resource(object).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
    }
    return objects.size();
  }
}
