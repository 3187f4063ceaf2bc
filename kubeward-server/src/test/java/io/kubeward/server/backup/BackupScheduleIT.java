package io.kubeward.server.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.backup.domain.CronSchedule;
import io.kubeward.backup.kube.BackupResources;
import io.kubeward.server.RunningServer;
import io.kubeward.server.RunningServer.Response;
import io.kubeward.server.RunningServer.Session;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.TestNamespace;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A BackupSchedule on the local control plane with the schedules' clock moved by the test: it fires
 * at its cron time in its time zone (not before), one Backup for times missed, named {@code
 * <schedule>-<yyyyMMddHHmmss>}, labelled and acting for the schedule's creator; retention by count
 * prunes the oldest; a suspended schedule creates nothing.
 */
@LocalControlPlane
class BackupScheduleIT {

  private static final String CLUSTER = "local";
  private static final String C = "/api/v1/clusters/" + CLUSTER;
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final String ZONE = "Asia/Shanghai";
  private static final DateTimeFormatter SUFFIX =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
  @TempDir static Path dir;
  private static RunningServer server;
  private static Session admin;
  private static KubernetesClient kube;

  @BeforeAll
  static void start(ControlPlane plane) {
    kube = plane.newAdminClient();
    ScheduleClockForTests.set(Instant.now());
    server =
        RunningServer.start(
            "--kubeconfig",
            plane.kubewardKubeconfig().toString(),
            "--kubeward.cluster-name=" + CLUSTER,
            "--kubeward.data-dir=" + dir.resolve("data"),
            "--kubeward.backups.directory=" + dir.resolve("archives"),
            "--kubeward.backups.schedule.resync=300ms",
            "--spring.main.sources=" + ScheduleClockForTests.class.getName());
    admin = server.admin();
  }

  @AfterAll
  static void stop() {
    if (kube != null) {
      kube.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private static List<GenericKubernetesResource> backupsOf(String ns, String schedule) {
    return kube
        .genericKubernetesResources(BackupResources.CONTEXT)
        .inNamespace(ns)
        .withLabel(BackupResources.SCHEDULE_LABEL, schedule)
        .list()
        .getItems()
        .stream()
        .filter(b -> b.getMetadata().getDeletionTimestamp() == null)
        .toList();
  }

  private static List<String> names(String ns, String schedule) {
    return backupsOf(ns, schedule).stream().map(b -> b.getMetadata().getName()).sorted().toList();
  }

  private static boolean allFinished(String ns, String schedule) {
    return backupsOf(ns, schedule).stream()
        .allMatch(
            b ->
                b.getAdditionalProperties().get("status") instanceof Map<?, ?> s
                    && List.of("Completed", "PartiallyFailed", "Failed").contains(s.get("phase")));
  }

  @Test
  void firesAtItsCronTimeInItsTimeZoneOnceForMissedTimesAndPrunesByCount(TestNamespace namespace) {
    String ns = namespace.name();
    kube.configMaps()
        .inNamespace(ns)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("settings")
                .endMetadata()
                .withData(Map.of("k", "v"))
                .build())
        .create();
    // yearly, 1 January 03:30 in Shanghai (19:30 UTC the day before): no cron time lies between
    // the schedule's creation (real time) and the first one, whatever the day the test runs
    String expression = "30 3 1 1 *";
    CronSchedule cron = CronSchedule.parse(expression, ZONE);
    Instant first = cron.next(Instant.now()).orElseThrow();
    assertThat(first.atZone(ZoneId.of(ZONE)).getHour()).isEqualTo(3);
    ScheduleClockForTests.set(first.minus(Duration.ofMinutes(5)));

    Response created =
        admin.post(
            C + "/namespaces/" + ns + "/backup-schedules",
            Map.of(
                "name",
                "nightly",
                "spec",
                Map.of(
                    "cron",
                    expression,
                    "timeZone",
                    ZONE,
                    "retention",
                    Map.of("count", 2),
                    "template",
                    Map.of("scope", Map.of("namespaces", List.of(ns))))));
    assertThat(created.status()).as(created.body()).isEqualTo(201);

    // not yet: five minutes before
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(
                        admin
                            .get(C + "/namespaces/" + ns + "/backup-schedules/nightly")
                            .json()
                            .path("nextScheduleTime")
                            .asString())
                    .isEqualTo(first.toString()));
    assertThat(names(ns, "nightly")).isEmpty();

    // at the cron time: one Backup named for it, acting for the schedule's creator
    ScheduleClockForTests.set(first);
    String firstName = "nightly-" + SUFFIX.format(first);
    await().atMost(WAIT).until(() -> names(ns, "nightly").equals(List.of(firstName)));
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              var b = admin.get(C + "/namespaces/" + ns + "/backups/" + firstName).json();
              assertThat(b.path("phase").asString()).as(b.toString()).isEqualTo("Completed");
              assertThat(b.path("actingFor").asString()).isEqualTo("kubeward:admin");
              assertThat(b.path("schedule").asString()).isEqualTo("nightly");
            });

    // down for three years: one Backup, for the latest missed time
    Instant latest =
        cron.next(cron.next(cron.next(first).orElseThrow()).orElseThrow()).orElseThrow();
    ScheduleClockForTests.set(latest.plus(Duration.ofHours(2)));
    String latestName = "nightly-" + SUFFIX.format(latest);
    await().atMost(WAIT).until(() -> names(ns, "nightly").equals(List.of(firstName, latestName)));
    await().atMost(WAIT).until(() -> allFinished(ns, "nightly"));

    // the next time: a third, and retention (count 2) deletes the oldest
    Instant third = cron.next(latest).orElseThrow();
    ScheduleClockForTests.set(third);
    String thirdName = "nightly-" + SUFFIX.format(third);
    await().atMost(WAIT).until(() -> names(ns, "nightly").equals(List.of(latestName, thirdName)));
  }

  @Test
  void aSuspendedScheduleCreatesNothing(TestNamespace namespace) {
    String ns = namespace.name();
    Instant now = ScheduleClockForTests.NOW.get();
    Response created =
        admin.post(
            C + "/namespaces/" + ns + "/backup-schedules",
            Map.of(
                "name",
                "paused",
                "spec",
                Map.of(
                    "cron",
                    "*/5 * * * *",
                    "suspend",
                    true,
                    "template",
                    Map.of("scope", Map.of("namespaces", List.of(ns))))));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(
                        admin
                            .get(C + "/namespaces/" + ns + "/backup-schedules/paused")
                            .json()
                            .path("conditions")
                            .toString())
                    .contains("Suspended"));
    ScheduleClockForTests.set(now.plus(Duration.ofHours(1)));
    // the schedule looks again every 300 ms: a Backup would appear within a few passes
    await()
        .pollDelay(Duration.ofSeconds(2))
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(
                        admin
                                .get(C + "/namespaces/" + ns + "/backup-schedules/paused")
                                .json()
                                .path("lastScheduleTime")
                                .isMissingNode()
                            || admin
                                .get(C + "/namespaces/" + ns + "/backup-schedules/paused")
                                .json()
                                .path("lastScheduleTime")
                                .isNull())
                    .isTrue());
    assertThat(names(ns, "paused")).isEmpty();
  }
}
