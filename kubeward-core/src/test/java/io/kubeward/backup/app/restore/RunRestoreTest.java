package io.kubeward.backup.app.restore;

import static io.kubeward.backup.app.restore.Fakes.ref;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.backup.domain.ObjectRef;
import io.kubeward.backup.domain.RestoreOutcome;
import io.kubeward.backup.domain.restore.ExistingPolicy;
import io.kubeward.backup.domain.restore.RestoreCounts;
import io.kubeward.backup.domain.restore.RestoreSpec;
import io.kubeward.backup.domain.restore.RestoreStage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunRestoreTest {

  static final RestoreSpec SPEC = RestorePlanTest.SPEC;
  static final ObjectRef NS = RestorePlanTest.NS;
  static final ObjectRef CM = RestorePlanTest.CM;
  static final ObjectRef DEPLOY = RestorePlanTest.DEPLOY;
  static final ObjectRef WIDGET = RestorePlanTest.WIDGET;
  static final ObjectRef CRD = RestorePlanTest.CRD;
  static final ObjectRef SVC = ref("v1", "Service", "shop", "web");

  Fakes.Archive archive = new Fakes.Archive();
  Fakes.Cluster cluster = new Fakes.Cluster();
  Fakes.Results results = new Fakes.Results();
  List<RestoreStage> stages = new ArrayList<>();

  RestoreCounts run(RestoreSpec spec) throws InterruptedException {
    return new RunRestore(
            "uid-1", spec, cluster, results, 4, Duration.ofSeconds(5), Clock.systemUTC())
        .run(
            archive,
            new RunRestore.Listener() {
              @Override
              public void stage(RestoreStage stage) {
                stages.add(stage);
              }

              @Override
              public void progress(long done, long total, RestoreCounts counts) {}
            });
  }

  @Test
  void restoresInOrderCrdsFirstAndRecordsEveryObject() throws Exception {
    archive.add(WIDGET).add(SVC).add(DEPLOY).add(CM).add(NS).put(CRD, RestorePlanTest.crd());
    RestoreCounts counts = run(SPEC);
    assertThat(counts).isEqualTo(new RestoreCounts(6, 0, 0, 0));
    assertThat(stages)
        .containsExactly(
            RestoreStage.CRDS,
            RestoreStage.NAMESPACES,
            RestoreStage.FOUNDATION,
            RestoreStage.WORKLOADS,
            RestoreStage.NETWORK,
            RestoreStage.REST);
    assertThat(cluster.writes.getFirst()).startsWith("create CustomResourceDefinition");
    assertThat(cluster.writes.getLast()).isEqualTo("create Widget shop/w1");
    assertThat(cluster.objects.get(CM)).doesNotContainKey("status");
  }

  @Test
  void existingObjectsAreSkippedByDefaultAndOverwrittenOnRequest() throws Exception {
    archive.add(NS).add(CM).add(DEPLOY);
    cluster.has(NS).has(CM);
    assertThat(run(SPEC)).isEqualTo(new RestoreCounts(1, 0, 2, 0));
    assertThat(results.of(CM).reason()).isEqualTo("exists");

    results = new Fakes.Results();
    cluster.immutable.add(DEPLOY);
    assertThat(run(SPEC.withExisting(ExistingPolicy.Overwrite)))
        .isEqualTo(new RestoreCounts(0, 2, 0, 1));
    assertThat(results.of(DEPLOY).reason()).contains("field is immutable");
  }

  @Test
  void aCreateRefusedWith422Or403IsCheckedForAnExistingObject() throws Exception {
    archive.add(NS).add(SVC).add(CM);
    cluster.has(NS).has(SVC);
    cluster.createAnswers.put(SVC, 422); // its node port is allocated: it exists
    cluster.createAnswers.put(CM, 403); // forbidden, and does not exist
    run(SPEC);
    assertThat(results.of(SVC).outcome()).isEqualTo(RestoreOutcome.SKIPPED);
    assertThat(results.of(CM).outcome()).isEqualTo(RestoreOutcome.FAILED);
    assertThat(results.of(CM).reason()).isEqualTo("refused 403");
  }

  @Test
  void aResumedRestoreSkipsRecordedObjectsAndOwnsWhatItBegan() throws Exception {
    archive.add(NS).add(CM).add(DEPLOY);
    results.record(
        "uid-1", new io.kubeward.backup.domain.ObjectResult(NS, NS, RestoreOutcome.CREATED, null));
    results.begin("uid-1", CM, CM);
    cluster.has(NS).has(CM); // CM was created just before the restart
    RestoreCounts counts = run(SPEC);
    assertThat(counts).isEqualTo(new RestoreCounts(3, 0, 0, 0));
    assertThat(cluster.writes)
        .containsExactly("create ConfigMap shop/settings", "create Deployment shop/web");
    assertThat(results.of(CM).reason()).contains("interrupted");
  }

  @Test
  void aNamespaceMappingRestoresIntoAnotherNamespace() throws Exception {
    archive.add(NS).add(CM).add(DEPLOY);
    cluster.has(NS).has(CM).has(DEPLOY);
    run(SPEC.withNamespaceMapping(Map.of("shop", "shop-copy")));
    assertThat(cluster.objects)
        .containsKeys(
            ref("v1", "Namespace", null, "shop-copy"),
            ref("v1", "ConfigMap", "shop-copy", "settings"),
            ref("apps/v1", "Deployment", "shop-copy", "web"));
    assertThat(results.counts("uid-1")).isEqualTo(new RestoreCounts(3, 0, 0, 0));
  }

  @Test
  void unknownKindsFailWithAReason() throws Exception {
    archive.add(NS).add(WIDGET);
    run(SPEC);
    assertThat(results.of(WIDGET).outcome()).isEqualTo(RestoreOutcome.FAILED);
    assertThat(results.of(WIDGET).reason()).contains("no CRD for it");
  }
}
