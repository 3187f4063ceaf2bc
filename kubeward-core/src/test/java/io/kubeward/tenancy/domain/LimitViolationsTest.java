package io.kubeward.tenancy.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.cluster.domain.ContainerResources;
import io.kubeward.cluster.domain.OwnerRef;
import io.kubeward.cluster.domain.PodPhase;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.cluster.domain.Resources;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class LimitViolationsTest {

  private static final long MI = 1024 * 1024;
  private static final Function<PodView, String> WORKLOAD =
      pod -> "Deployment/" + pod.owner().name();

  private static PodView pod(
      String workload, PodPhase phase, long cpuReq, long memReq, long cpuLim, long memLim) {
    return new PodView(
        "shop",
        workload + "-1",
        "uid-" + workload,
        "1",
        null,
        Map.of(),
        new OwnerRef("ReplicaSet", workload),
        "node",
        phase,
        null,
        "1/1",
        0,
        null,
        new Resources(cpuReq, memReq, 1),
        new Resources(cpuLim, memLim, 0),
        List.of(new ContainerResources("app", cpuReq, memReq, cpuLim, memLim)));
  }

  @Test
  void aQuotaNamesThePodThatCanNeverFitTheMissingRequestAndTheExceededTotal() {
    List<PodView> pods =
        List.of(
            pod("big", PodPhase.RUNNING, 2000, 64 * MI, 0, 0),
            pod("small", PodPhase.RUNNING, 100, 64 * MI, 0, 0),
            pod("bare", PodPhase.RUNNING, 0, 0, 0, 0),
            pod("done", PodPhase.SUCCEEDED, 5000, 0, 0, 0));
    List<Violation> violations =
        LimitViolations.quota(
            Map.of("requests.cpu", "1"), Map.of("requests.cpu", "2100m"), pods, WORKLOAD);
    assertThat(violations)
        .extracting(v -> v.rule() + ":" + v.workload())
        .containsExactly(
            "quota-exceeded:null",
            "quota-missing-request:Deployment/bare",
            "quota-pod-too-large:Deployment/big");
    assertThat(violations.get(2).en())
        .isEqualTo(
            "Deployment/big: one pod needs 2000m of requests.cpu, more than the whole new quota 1;"
                + " its next pod can never be admitted");
  }

  @Test
  void aQuotaTheWorkloadsFitNamesNothing() {
    assertThat(
            LimitViolations.quota(
                Map.of("requests.cpu", "4", "pods", "10"),
                Map.of("requests.cpu", "2", "pods", "2"),
                List.of(pod("a", PodPhase.RUNNING, 1000, MI, 0, 0)),
                WORKLOAD))
        .isEmpty();
  }

  @Test
  void aLimitRangeChecksMinMaxRatioAndMissingValuesWithItsDefaults() {
    LimitRangeSpec spec =
        new LimitRangeSpec(
            Map.of(),
            Map.of(),
            Map.of("cpu", "100m"),
            Map.of("cpu", "1", "memory", "1Gi"),
            Map.of("cpu", "4"));
    List<Violation> violations =
        LimitViolations.limitRange(
            spec,
            List.of(
                pod("tiny", PodPhase.RUNNING, 50, MI, 100, MI),
                pod("huge", PodPhase.RUNNING, 500, MI, 2000, 2048 * MI),
                pod("unlimited", PodPhase.RUNNING, 200, MI, 0, 0),
                pod("spiky", PodPhase.RUNNING, 100, MI, 1000, MI),
                pod("fine", PodPhase.RUNNING, 500, MI, 1000, MI)),
            WORKLOAD);
    assertThat(violations)
        .extracting(v -> v.workload() + ":" + v.resource() + ":" + v.rule())
        .containsExactly(
            "Deployment/huge:cpu:above-max",
            "Deployment/huge:memory:above-max",
            "Deployment/spiky:cpu:ratio",
            "Deployment/tiny:cpu:below-min",
            "Deployment/unlimited:cpu:missing-limit",
            "Deployment/unlimited:memory:missing-limit");

    LimitRangeSpec withDefaults =
        new LimitRangeSpec(
            Map.of("cpu", "500m", "memory", "512Mi"),
            Map.of(),
            Map.of(),
            Map.of("cpu", "1", "memory", "1Gi"),
            Map.of());
    assertThat(
            LimitViolations.limitRange(
                withDefaults, List.of(pod("unlimited", PodPhase.RUNNING, 200, MI, 0, 0)), WORKLOAD))
        .isEmpty();
  }
}
