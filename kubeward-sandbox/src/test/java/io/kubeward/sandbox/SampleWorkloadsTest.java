package io.kubeward.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleWorkloadsTest {

  @Test
  void namespacesComeFirstAndTheBrokenNamespaceHasEachKindOfProblem() {
    try (KubernetesClient client = new KubernetesClientBuilder().build()) {
      List<HasMetadata> objects = SampleWorkloads.load(client);

      List<String> kinds = objects.stream().map(HasMetadata::getKind).toList();
      int lastNamespace = kinds.lastIndexOf("Namespace");
      assertThat(kinds.subList(0, lastNamespace + 1)).containsOnly("Namespace");
      assertThat(objects)
          .filteredOn(o -> "broken".equals(o.getMetadata().getNamespace()))
          .extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
          .containsExactlyInAnyOrder(
              "Deployment/oversized",
              "Deployment/crasher",
              "Deployment/bad-image",
              "Service/orphan");
    }
  }
}
