package io.kubeward.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiagnosticsBenchmarkTest {

  @Test
  void aSmallRunFindsEveryFailingPodAndMeasures() {
    int pods = Integer.getInteger("kubeward.bench.diagnostics.pods", 3_000);
    DiagnosticsBenchmark.Result result = DiagnosticsBenchmark.run(pods);
    System.out.println("Diagnostics benchmark: " + result.markdown());

    // 4 % fail, each with one finding
    assertThat(result.findings()).isEqualTo(pods * 4 / 100);
    assertThat(result.fullPassP50()).isPositive();
    assertThat(result.changeP50()).isPositive();
  }
}
