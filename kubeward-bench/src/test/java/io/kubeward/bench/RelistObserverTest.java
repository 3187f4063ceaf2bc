package io.kubeward.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class RelistObserverTest {

  private static final String BEFORE =
      """
      12345:
       num     #instances         #bytes  class name (module)
      -------------------------------------------------------
         1:         10000        4194304  [B (java.base@25.0.3)
         2:          3000        1048576  io.kubeward.cluster.domain.PodView
         3:           100           2400  java.lang.String (java.base@25.0.3)
      Total         13100        5245280
      """;

  private static final String AFTER =
      """
      12345:
       num     #instances         #bytes  class name (module)
      -------------------------------------------------------
         1:         20000       12582912  [B (java.base@25.0.3)
         2:          6000        3145728  io.fabric8.kubernetes.api.model.ObjectMeta
         3:          3000        1048576  io.kubeward.cluster.domain.PodView
         4:            50           1200  java.lang.String (java.base@25.0.3)
      Total         29050       16778416
      """;

  @Test
  void readsTheLiveBytesPerClassAndTheTotal() throws IOException {
    RelistObserver.Histogram histogram = RelistObserver.Histogram.parse(BEFORE);

    assertThat(histogram.totalBytes()).isEqualTo(5245280);
    assertThat(histogram.bytesByClass())
        .containsEntry("[B", 4194304L)
        .containsEntry("io.kubeward.cluster.domain.PodView", 1048576L)
        .hasSize(3);
  }

  @Test
  void namesTheClassesThatGrewMostBiggestFirstAndLeavesOutThoseThatDidNot() throws IOException {
    RelistObserver.Histogram before = RelistObserver.Histogram.parse(BEFORE);
    RelistObserver.Histogram after = RelistObserver.Histogram.parse(AFTER);

    assertThat(after.grownMost(before, 8))
        .containsExactly("[B +8.0 MiB", "io.fabric8.kubernetes.api.model.ObjectMeta +3.0 MiB");
    assertThat(after.grownMost(before, 1)).containsExactly("[B +8.0 MiB");
  }

  @Test
  void anOutputWithoutTotalIsAnError() {
    assertThatThrownBy(() -> RelistObserver.Histogram.parse("12345: Could not attach"))
        .isInstanceOf(IOException.class);
  }
}
