package io.kubeward.testkit.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.testkit.Kubectl;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.controlplane.ControlPlane;
import io.kubeward.testkit.scenario.ObjectComparison.Difference;
import io.kubeward.testkit.scenario.ObjectComparison.Key;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The comparison's own proof: the scenario created twice — in a namespace deleted in between, and
 * in another namespace — is equal apart from what the cluster allocates (so the normalization list
 * is complete for every kind of the scenario), and a change made by hand is reported.
 */
@LocalControlPlane
class BackupScenarioIT {

  @Test
  void theSameScenarioCreatedAgainComparesEqualAndAChangeIsReported(
      ControlPlane controlPlane, KubernetesClient kube, @TempDir Path work) {
    String id = "it" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36);
    String first = "proof-a-" + id;
    String other = "proof-b-" + id;
    ObjectComparison comparison =
        new ObjectComparison(new Kubectl(controlPlane.kubeconfig(), work));

    BackupScenario scenario =
        BackupScenario.create(kube, id, List.of(first), BackupScenario.Sizes.small(), 8);
    Map<Key, Map<String, Object>> original =
        comparison.fetch(first, BackupScenario.RESOURCES, scenario.selector());
    assertThat(original).hasSize(22);

    BackupScenario.deleteNamespace(kube, first, Duration.ofMinutes(3));
    BackupScenario.create(kube, id, List.of(first), BackupScenario.Sizes.small(), 8);
    List<Difference> again =
        ObjectComparison.compare(
            original, comparison.fetch(first, BackupScenario.RESOURCES, scenario.selector()));
    assertThat(again).as(ObjectComparison.describe(again, 40)).isEmpty();

    BackupScenario.create(kube, id, List.of(other), BackupScenario.Sizes.small(), 8);
    List<Difference> mapped =
        ObjectComparison.compare(
            ObjectComparison.mapped(original, first, other),
            comparison.fetch(other, BackupScenario.RESOURCES, scenario.selector()));
    assertThat(mapped).as(ObjectComparison.describe(mapped, 40)).isEmpty();

    kube.configMaps()
        .inNamespace(other)
        .withName("config-1")
        .edit(
            cm -> {
              cm.getData().put("index", "changed");
              return cm;
            });
    kube.secrets().inNamespace(other).withName("secret-0").delete();
    List<Difference> changed =
        ObjectComparison.compare(
            ObjectComparison.mapped(original, first, other),
            comparison.fetch(other, BackupScenario.RESOURCES, scenario.selector()));
    assertThat(changed)
        .extracting(Difference::toString)
        .containsExactly(
            "ConfigMap/config-1 .data.index: expected 1, but was changed",
            "Secret/secret-0 is missing");

    BackupScenario.deleteNamespace(kube, first, Duration.ofMinutes(3));
    BackupScenario.deleteNamespace(kube, other, Duration.ofMinutes(3));
  }
}
