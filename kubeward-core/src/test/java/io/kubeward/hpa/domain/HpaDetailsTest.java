package io.kubeward.hpa.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricStatusBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricValueStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class HpaDetailsTest {

  private static final HpaSpec SPEC =
      new HpaSpec(
          "shop",
          "web",
          "Deployment",
          "web",
          2,
          8,
          List.of(
              HpaMetric.cpuUtilization(80),
              new HpaMetric("Pods", "rps", null, "AverageValue", null, "500m", null, null, null)),
          new HpaBehavior(
              null,
              new HpaBehavior.Rules(
                  300, "Max", List.of(new HpaBehavior.Policy("Percent", 50, 60)))),
          null);

  @Test
  void aSpecSurvivesTheRoundTripThroughTheObject() {
    HorizontalPodAutoscaler built = HpaManifests.build(SPEC);
    assertThat(built.getSpec().getScaleTargetRef().getApiVersion()).isEqualTo("apps/v1");
    assertThat(HpaDetails.spec(built)).isEqualTo(SPEC);
  }

  @Test
  void formatsCurrentVersusTargetWithARatio() {
    HorizontalPodAutoscaler hpa = HpaManifests.build(SPEC);
    MetricValueStatus cpu = new MetricValueStatus();
    cpu.setAverageUtilization(40);
    MetricValueStatus rps = new MetricValueStatus();
    rps.setAverageValue(new Quantity("750m"));
    hpa.setStatus(
        new io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerStatusBuilder()
            .withCurrentReplicas(3)
            .withDesiredReplicas(4)
            .withCurrentMetrics(
                new MetricStatusBuilder()
                    .withType("Resource")
                    .withNewResource()
                    .withName("cpu")
                    .withCurrent(cpu)
                    .endResource()
                    .build(),
                new MetricStatusBuilder()
                    .withType("Pods")
                    .withNewPods()
                    .withNewMetric()
                    .withName("rps")
                    .endMetric()
                    .withCurrent(rps)
                    .endPods()
                    .build())
            .build());
    HpaDetail detail = HpaDetails.of("c1", hpa, List.of(), List.of());
    assertThat(detail.metrics())
        .containsExactly(
            new HpaDetail.MetricValue("Resource", "cpu", "Utilization", "80%", "40%", 0.5),
            new HpaDetail.MetricValue("Pods", "rps", "AverageValue", "500m", "750m", 1.5));
    assertThat(detail.currentReplicas()).isEqualTo(3);
    assertThat(detail.desiredReplicas()).isEqualTo(4);
  }

  @Test
  void aMetricWithoutStatusHasNoCurrentValue() {
    HpaDetail detail = HpaDetails.of("c1", HpaManifests.build(SPEC), List.of(), List.of());
    assertThat(detail.metrics().get(0).current()).isNull();
    assertThat(detail.metrics().get(0).ratio()).isNull();
  }

  @Test
  void theHistoryComesFromRescaleEventsOldestFirst() {
    List<HpaDetail.HpaEvent> events =
        List.of(
            new HpaDetail.HpaEvent(
                "Normal",
                "SuccessfulRescale",
                "New size: 4; reason: cpu resource utilization (percentage of request) above target",
                1,
                "2026-12-04T10:05:00Z"),
            new HpaDetail.HpaEvent(
                "Warning",
                "FailedGetResourceMetric",
                "failed to get cpu utilization",
                3,
                "2026-12-04T10:01:00Z"),
            new HpaDetail.HpaEvent(
                "Normal",
                "SuccessfulRescale",
                "New size: 2; reason: All metrics below target",
                1,
                "2026-12-04T10:00:00Z"));
    assertThat(HpaDetails.history(events))
        .containsExactly(
            new HpaDetail.ReplicaPoint("2026-12-04T10:00:00Z", 2),
            new HpaDetail.ReplicaPoint("2026-12-04T10:05:00Z", 4));
  }
}
