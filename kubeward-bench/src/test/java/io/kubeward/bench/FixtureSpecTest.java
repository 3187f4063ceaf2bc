package io.kubeward.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FixtureSpecTest {

  @Test
  void everyNamedSizeReachesEachOfItsStagesWithWholeDeployments() {
    for (String name : List.of("small", "medium", "full")) {
      FixtureSpec spec = FixtureSpec.named(name);
      assertThat(spec.podStages())
          .as(name)
          .allSatisfy(stage -> assertThat(stage % FixtureSpec.REPLICAS).isZero())
          .endsWith(spec.pods());
    }
  }

  @Test
  void aStageThatDeploymentsOfThirtyCannotReachIsRefused() {
    assertThatThrownBy(() -> new FixtureSpec("odd", 10, 1, 3_000, 0, List.of(1_000, 3_000)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("multiples of 30");
  }

  @Test
  void theScaleDensityGivesOneNodePerThirtyPodsOneNamespacePerTenNodesAndAConfigMapPerSixPods() {
    FixtureSpec spec = FixtureSpec.atScaleDensity("tiny", 2_010);

    assertThat(spec.nodes()).isEqualTo(67);
    assertThat(spec.namespaces()).isEqualTo(6);
    assertThat(spec.configMaps()).isEqualTo(335);
    assertThat(spec.podStages()).containsExactly(2_010);
  }
}
