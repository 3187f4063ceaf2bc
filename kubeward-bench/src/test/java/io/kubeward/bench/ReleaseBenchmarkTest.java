package io.kubeward.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ReleaseBenchmarkTest {

  @Test
  void theSumOfTwoUniformDelaysHasATrapezoidalDistribution() {
    // U(0,2) + U(0,5): flat between 2 and 5, median in the middle of the support
    assertThat(ReleaseBenchmark.uniformSumPercentile(2, 5, 50)).isCloseTo(3.5, within(1e-9));
    assertThat(ReleaseBenchmark.uniformSumPercentile(2, 5, 0)).isCloseTo(0, within(1e-9));
    assertThat(ReleaseBenchmark.uniformSumPercentile(2, 5, 100)).isCloseTo(7, within(1e-9));
    // CDF at x = 2 is 2 / (2 * 5) = 0.2, at x = 5 it is 0.8
    assertThat(ReleaseBenchmark.uniformSumPercentile(2, 5, 20)).isCloseTo(2, within(1e-9));
    assertThat(ReleaseBenchmark.uniformSumPercentile(5, 2, 80)).isCloseTo(5, within(1e-9));
    // symmetric around the middle
    assertThat(
            ReleaseBenchmark.uniformSumPercentile(2, 5, 1)
                + ReleaseBenchmark.uniformSumPercentile(2, 5, 99))
        .isCloseTo(7, within(1e-9));
    // equal widths: the triangular distribution AlertingBenchmark uses
    assertThat(ReleaseBenchmark.uniformSumPercentile(30, 30, 99))
        .isCloseTo(AlertingBenchmark.kubePrometheusPercentileSeconds(99, false) - 30, within(1e-9));
    // one phase only
    assertThat(ReleaseBenchmark.uniformSumPercentile(0, 10, 99)).isCloseTo(9.9, within(1e-9));
  }

  @Test
  void argoToleratesFailureLimitMoreFailedMeasurementsOneIntervalApart() {
    assertThat(ReleaseBenchmark.argoDetectSeconds(30, 300, 3, 50))
        .isCloseTo(ReleaseBenchmark.uniformSumPercentile(30, 300, 50) + 900, within(1e-9));
  }
}
