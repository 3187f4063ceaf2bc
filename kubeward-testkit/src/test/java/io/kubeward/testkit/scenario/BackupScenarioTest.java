package io.kubeward.testkit.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeward.testkit.scenario.BackupScenario.Sizes;
import org.junit.jupiter.api.Test;

class BackupScenarioTest {

  @Test
  void aNamespaceOfTheBenchmarkHoldsExactlyTheObjectsAskedFor() {
    assertThat(Sizes.perNamespace(1000).objects()).isEqualTo(1000);
    assertThat(Sizes.perNamespace(1013).objects()).isEqualTo(1013);
    assertThat(Sizes.perNamespace(40).nodePortServices()).isEqualTo(1);
    assertThat(Sizes.perNamespace(1000).replicas()).isZero();
    assertThatThrownBy(() -> Sizes.perNamespace(39)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theSmallScenarioHasEveryKind() {
    Sizes small = Sizes.small();
    assertThat(small.objects()).isEqualTo(22);
    assertThat(small.deployments()).isPositive();
    assertThat(small.statefulSets()).isPositive();
    assertThat(small.nodePortServices()).isPositive();
    assertThat(small.widgets()).isPositive();
  }
}
