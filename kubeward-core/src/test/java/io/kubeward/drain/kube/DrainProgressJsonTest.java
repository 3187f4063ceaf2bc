package io.kubeward.drain.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.kubeward.drain.domain.DrainBlocker;
import io.kubeward.drain.domain.DrainProgress;
import io.kubeward.drain.domain.DrainState;
import io.kubeward.drain.domain.PodDrainState;
import io.kubeward.drain.domain.PodProgress;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A drain's progress survives a round trip through JSON, as in a custom resource's status. */
class DrainProgressJsonTest {

  @Test
  void progressRoundTripsThroughTheClientsJson() {
    Instant start = Instant.parse("2026-11-22T04:00:00Z");
    DrainProgress progress =
        new DrainProgress(
            "node-1",
            DrainState.BLOCKED,
            start,
            null,
            List.of(
                new PodProgress(
                    "shop",
                    "web-2",
                    "uid-2",
                    PodDrainState.BLOCKED,
                    "web-pdb",
                    3,
                    start.plusSeconds(40),
                    start.plusSeconds(80),
                    "eviction refused (429)"),
                new PodProgress(
                    "shop", "debug", "uid-3", PodDrainState.GONE, null, 1, start, null, "gone")),
            List.of(new DrainBlocker("shop", "web-pdb", List.of("web-2"))),
            "Blocked by disruption budgets (web-pdb)");
    KubernetesSerialization json = new KubernetesSerialization();

    String text = json.asJson(progress);
    DrainProgress back = json.unmarshal(text, DrainProgress.class);

    assertThat(back).isEqualTo(progress);
    assertThat(text).contains("\"state\":\"BLOCKED\"").contains("2026-11-22T04:00:40Z");
  }
}
