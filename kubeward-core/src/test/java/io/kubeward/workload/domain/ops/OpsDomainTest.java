package io.kubeward.workload.domain.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpsDomainTest {

  @Test
  void imageReferencesAreCheckedAsARuntimeWouldParseThem() {
    for (String good :
        List.of(
            "nginx",
            "nginx:1.27",
            "registry.example/app:1",
            "localhost:5000/team/app_x:v1.2-rc.1",
            "ghcr.io/o/r@sha256:" + "a".repeat(64),
            "registry.example/app:3@sha256:" + "b".repeat(64))) {
      assertThat(OpsLimits.image(good)).isEqualTo(good);
    }
    for (String bad :
        List.of("", " ", "Bad Image", "app:", "app:tag with space", "a".repeat(600))) {
      assertThatThrownBy(() -> OpsLimits.image(bad))
          .isInstanceOf(WorkloadOpException.class)
          .hasFieldOrPropertyWithValue("code", WorkloadOpException.INVALID);
    }
  }

  @Test
  void numbersAreBounded() {
    assertThat(OpsLimits.replicas(0)).isZero();
    assertThat(OpsLimits.replicas(10_000)).isEqualTo(10_000);
    assertThatThrownBy(() -> OpsLimits.replicas(-1)).isInstanceOf(WorkloadOpException.class);
    assertThatThrownBy(() -> OpsLimits.replicas(10_001)).isInstanceOf(WorkloadOpException.class);
    assertThatThrownBy(() -> OpsLimits.replicas(null)).isInstanceOf(WorkloadOpException.class);
    assertThatThrownBy(() -> OpsLimits.revision(0L)).isInstanceOf(WorkloadOpException.class);
    assertThatThrownBy(() -> OpsLimits.revision(1_000_000_001L))
        .isInstanceOf(WorkloadOpException.class);
    assertThatThrownBy(() -> OpsLimits.container("App")).isInstanceOf(WorkloadOpException.class);
  }

  @Test
  void hashLabelsAreStrippedWithoutTouchingTheOriginal() {
    Map<String, Object> template =
        Map.of(
            "metadata",
            Map.of("labels", Map.of("app", "web", "pod-template-hash", "abc")),
            "spec",
            Map.of("containers", List.of(Map.of("name", "app", "image", "a:1"))));
    Map<String, Object> stripped = WorkloadPatches.withoutHashLabels(template);
    assertThat(stripped)
        .extractingByKey("metadata")
        .isEqualTo(Map.of("labels", Map.of("app", "web")));
    assertThat(stripped.get("spec")).isEqualTo(template.get("spec"));
    assertThat(WorkloadPatches.rollbackDeployment(template).get(0))
        .containsEntry("op", "replace")
        .containsEntry("path", "/spec/template")
        .containsEntry("value", stripped);
    Map<String, Object> onlyHash =
        Map.of("metadata", Map.of("labels", Map.of("controller-revision-hash", "x")));
    assertThat(WorkloadPatches.withoutHashLabels(onlyHash)).isEqualTo(Map.of("metadata", Map.of()));
  }

  @Test
  void patchesAreTheOnesKubectlSends() {
    assertThat(WorkloadPatches.restart(Instant.parse("2026-12-03T20:00:00.123Z")))
        .isEqualTo(
            Map.of(
                "spec",
                Map.of(
                    "template",
                    Map.of(
                        "metadata",
                        Map.of(
                            "annotations",
                            Map.of(WorkloadPatches.RESTARTED_AT, "2026-12-03T20:00:00Z"))))));
    assertThat(WorkloadPatches.images(Map.of("app", "a:2"), Map.of(), true))
        .isEqualTo(
            Map.of(
                "spec",
                Map.of(
                    "jobTemplate",
                    Map.of(
                        "spec",
                        Map.of(
                            "template",
                            Map.of(
                                "spec",
                                Map.of(
                                    "containers",
                                    List.of(Map.of("name", "app", "image", "a:2")))))))));
  }

  @Test
  void manualJobsAreNumberedAfterTheHighestAndFitSixtyThreeCharacters() {
    assertThat(ManualJobs.name("report", List.of())).isEqualTo("report-manual-1");
    assertThat(ManualJobs.name("report", List.of("report-manual-1", "report-manual-7", "other")))
        .isEqualTo("report-manual-8");
    String longName = "a".repeat(52);
    String name = ManualJobs.name(longName, List.of());
    assertThat(name).hasSizeLessThanOrEqualTo(63).endsWith("-manual-1");
    assertThat(ManualJobs.name(longName, List.of(name))).endsWith("-manual-2");
  }

  @Test
  void aManualJobCarriesTheTemplateTheAnnotationAndTheOwner() {
    CronJob cronJob =
        new CronJobBuilder()
            .withNewMetadata()
            .withName("report")
            .withNamespace("shop")
            .withUid("uid-1")
            .endMetadata()
            .withNewSpec()
            .withSchedule("* * * * *")
            .withNewJobTemplate()
            .withNewMetadata()
            .addToLabels("team", "shop")
            .addToAnnotations("note", "x")
            .endMetadata()
            .withNewSpec()
            .withBackoffLimit(2)
            .endSpec()
            .endJobTemplate()
            .endSpec()
            .build();
    Job job = ManualJobs.fromCronJob(cronJob, "report-manual-1");
    assertThat(job.getMetadata().getName()).isEqualTo("report-manual-1");
    assertThat(job.getMetadata().getNamespace()).isEqualTo("shop");
    assertThat(job.getMetadata().getLabels()).containsEntry("team", "shop");
    assertThat(job.getMetadata().getAnnotations())
        .containsEntry("note", "x")
        .containsEntry(ManualJobs.INSTANTIATE, ManualJobs.MANUAL);
    assertThat(job.getMetadata().getOwnerReferences().get(0).getUid()).isEqualTo("uid-1");
    assertThat(job.getMetadata().getOwnerReferences().get(0).getController()).isTrue();
    assertThat(job.getSpec().getBackoffLimit()).isEqualTo(2);
  }
}
