package io.kubeward.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ChurnPlanTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theMixSendsOneCreateAndOneDeletePerCycleSoThePoolKeepsItsSize() {
    ChurnPlan.Mix mix = new ChurnPlan.Mix(20);
    Map<ChurnPlan.Kind, Long> counts = new EnumMap<>(ChurnPlan.Kind.class);
    // any starting point: the pool's creates have already used the first sequence numbers
    LongStream.range(1_001, 1_001 + 20_000)
        .forEach(seq -> counts.merge(mix.kindOf(seq), 1L, Long::sum));

    assertThat(counts)
        .containsEntry(ChurnPlan.Kind.UPDATE, 18_000L)
        .containsEntry(ChurnPlan.Kind.CREATE, 1_000L)
        .containsEntry(ChurnPlan.Kind.DELETE, 1_000L);
    assertThat(mix.describe()).isEqualTo("90% label updates, 5% creates, 5% deletes");
  }

  @Test
  void equalSharesAreTheEarlierGeneratorsCreateUpdateDeleteInTurn() {
    ChurnPlan.Mix mix = ChurnPlan.Mix.equalShares();

    assertThat(LongStream.range(0, 6).mapToObj(mix::kindOf))
        .containsExactly(
            ChurnPlan.Kind.CREATE,
            ChurnPlan.Kind.UPDATE,
            ChurnPlan.Kind.DELETE,
            ChurnPlan.Kind.CREATE,
            ChurnPlan.Kind.UPDATE,
            ChurnPlan.Kind.DELETE);
    assertThatThrownBy(() -> new ChurnPlan.Mix(2)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void pacingSpreadsTheChangesEvenlyWithoutDriftFromRoundedIntervals() {
    long start = 5_000_000_000L;

    assertThat(ChurnPlan.dueNanos(start, 0, 1_000)).isEqualTo(start);
    assertThat(ChurnPlan.dueNanos(start, 1, 1_000)).isEqualTo(start + 1_000_000L);
    // 1e9 / 3 does not divide: a fixed rounded interval would lose 1 ns a change; this does not
    assertThat(ChurnPlan.dueNanos(start, 3, 3)).isEqualTo(start + 1_000_000_000L);
    assertThat(ChurnPlan.dueNanos(start, 60_000, 1_000)).isEqualTo(start + 60_000_000_000L);
    long dueInFirstSecond =
        LongStream.range(0, 10_000)
            .filter(i -> ChurnPlan.dueNanos(start, i, 1_000) < start + 1_000_000_000L)
            .count();
    assertThat(dueInFirstSecond).isEqualTo(1_000);
    assertThatThrownBy(() -> ChurnPlan.dueNanos(start, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theLabelPatchSetsOnlyTheSequenceLabel() throws Exception {
    byte[] patch = ChurnPlan.labelPatch(123_456_789L);

    assertThat(new String(patch, StandardCharsets.UTF_8))
        .isEqualTo("{\"metadata\":{\"labels\":{\"churn-seq\":\"123456789\"}}}");
    assertThat(JSON.readTree(patch).path("metadata").path("labels").path(Churn.SEQUENCE).asText())
        .isEqualTo("123456789");
  }

  @Test
  void theCreatedPodIsBoundToItsNodeAndCarriesItsSequence() throws Exception {
    JsonNode pod = JSON.readTree(ChurnPlan.pod("churn-00000042", "bench-node-0003", 42));

    assertThat(pod.path("kind").asText()).isEqualTo("Pod");
    assertThat(pod.path("metadata").path("name").asText()).isEqualTo("churn-00000042");
    assertThat(pod.path("metadata").path("labels").path("app").asText()).isEqualTo("churn");
    assertThat(pod.path("metadata").path("labels").path(Churn.SEQUENCE).asText()).isEqualTo("42");
    assertThat(pod.path("spec").path("nodeName").asText()).isEqualTo("bench-node-0003");
    assertThat(pod.path("spec").path("terminationGracePeriodSeconds").asInt()).isZero();
    assertThat(pod.path("spec").path("containers").get(0).path("image").asText())
        .isEqualTo("registry.example/bench/churn:1.0");
  }

  @Test
  void cpuPerChangeShowsTheRateTwoCoresAllowAtThatCost() {
    Churn.Latency none = Churn.latency(new long[0], 0);
    Churn.Phase phase =
        new Churn.Phase(
            1_000,
            20,
            4_000,
            0,
            200,
            none,
            none,
            none,
            none,
            none,
            new ChurnPlan.Mix(20).describe(),
            0,
            "1.00",
            Map.of(),
            Map.of("kube-apiserver", 12.0, "kubeward", 6.0, Churn.BENCH_JVM, 2.0));

    // 12 s / 4,000 = 3 ms; 20 s / 4,000 = 5 ms a change, so 2 cores allow at most 400 a second
    assertThat(phase.cpuPerChange()).isEqualTo("3.0 / 5.0 ms (≤ 400/s on 2 cores)");
  }
}
