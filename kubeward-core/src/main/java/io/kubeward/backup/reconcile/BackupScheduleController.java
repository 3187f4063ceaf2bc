package io.kubeward.backup.reconcile;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubeward.access.domain.IdentityStamp;
import io.kubeward.access.domain.KubeIdentity;
import io.kubeward.backup.domain.BackupObject;
import io.kubeward.backup.domain.BackupReason;
import io.kubeward.backup.domain.BackupScheduleObject;
import io.kubeward.backup.domain.BackupScheduleSpec;
import io.kubeward.backup.domain.BackupScheduleStatus;
import io.kubeward.backup.domain.BackupValidation;
import io.kubeward.backup.domain.CronSchedule;
import io.kubeward.backup.domain.Retention;
import io.kubeward.backup.kube.BackupIdentity;
import io.kubeward.backup.kube.BackupResources;
import io.kubeward.backup.kube.StatusWriter;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.runtime.app.EventTarget;
import io.kubeward.runtime.app.ReconcileContext;
import io.kubeward.runtime.app.Reconciler;
import io.kubeward.runtime.domain.Conditions;
import io.kubeward.runtime.domain.Result;
import io.kubeward.runtime.kube.ControllerSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The BackupSchedule controller (ADR 0041), leader only: at each time of the cron expression (in
 * the schedule's time zone, by the injected clock) it creates one Backup named {@code
 * <schedule>-<yyyyMMddHHmmss>} (the time in UTC), labelled {@value BackupResources#SCHEDULE_LABEL},
 * stamped for the identity of the schedule's own stamp, and created with that identity's client;
 * times missed while Kubeward was down give one Backup, for the latest of them. The deterministic
 * name makes creating it idempotent. Retention then deletes the oldest finished Backups of the
 * schedule beyond its count or age.
 */
public final class BackupScheduleController implements Reconciler<BackupScheduleObject> {

  public static final String NAME = "backup-schedules";

  /** On a schedule's Backups: the cron time it was created for (retention by age uses it). */
  public static final String SCHEDULED_AT = io.kubeward.backup.domain.BackupLabels.SCHEDULED_AT;

  static final DateTimeFormatter SUFFIX =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

  private final String cluster;
  private final KubernetesClient system;
  private final ClusterClients clients;
  private final BackupIdentity identity;
  private final Clock clock;
  private final BackupSettings settings;
  private final StatusWriter statuses;

  BackupScheduleController(
      String cluster,
      KubernetesClient system,
      ClusterClients clients,
      BackupIdentity identity,
      Clock clock,
      BackupSettings settings) {
    this.cluster = cluster;
    this.system = system;
    this.clients = clients;
    this.identity = identity;
    this.clock = clock;
    this.settings = settings;
    this.statuses = new StatusWriter(system, BackupResources.SCHEDULE_CONTEXT);
  }

  /**
   * @param clock the schedule's clock (the server's, or a test's)
   */
  public static ControllerSpec<BackupScheduleObject> spec(
      ClusterClients clients, BackupIdentity identity, Clock clock, BackupSettings settings) {
    return new ControllerSpec<>(
        NAME,
        BackupResources.SCHEDULE_CONTEXT,
        BackupResources::toSchedule,
        null,
        BackupResources.SCHEDULE_CRD,
        binding ->
            new BackupScheduleController(
                binding.cluster(), binding.systemClient(), clients, identity, clock, settings));
  }

  /** The name of the Backup for cron time {@code at}. */
  public static String childName(String schedule, Instant at) {
    return schedule + "-" + SUFFIX.format(at);
  }

  @Override
  public Result reconcile(BackupScheduleObject schedule, ReconcileContext context) {
    Instant now = clock.instant();
    Optional<KubeIdentity> who =
        identity.verify(
            BackupResources.SCHEDULE_KIND,
            schedule.namespace(),
            schedule.name(),
            schedule.rawSpec(),
            schedule.annotations());
    if (who.isEmpty()) {
      return ready(
          schedule,
          context,
          now,
          false,
          BackupReason.NotAttributed,
          NOT_ATTRIBUTED,
          schedule.status(),
          true);
    }
    List<String> problems = BackupValidation.validateSchedule(schedule.name(), schedule.spec());
    if (!problems.isEmpty()) {
      return ready(
          schedule,
          context,
          now,
          false,
          BackupReason.Invalid,
          String.join("; ", problems),
          schedule.status(),
          true);
    }
    BackupScheduleSpec spec = schedule.spec();
    CronSchedule cron = CronSchedule.parse(spec.cron(), spec.timeZone());
    KubernetesClient acting = clients.actingFor(who.get(), cluster);
    BackupScheduleStatus status = schedule.status();

    if (!spec.suspended()) {
      Instant after =
          status.lastScheduleTime() != null
              ? status.lastScheduleTime()
              : schedule.createdAt() != null ? schedule.createdAt() : now;
      Optional<Instant> due = cron.due(after, now);
      if (due.isPresent()) {
        String child = create(schedule, spec, who.get(), acting, due.get(), context);
        status =
            new BackupScheduleStatus(
                status.observedGeneration(), status.conditions(), due.get(), child, null);
      }
    }
    prune(schedule, spec, acting, now, context);

    Instant next = cron.next(now).orElse(null);
    status =
        new BackupScheduleStatus(
            schedule.generation(),
            status.conditions(),
            status.lastScheduleTime(),
            status.lastBackup(),
            next);
    BackupReason reason = spec.suspended() ? BackupReason.Suspended : BackupReason.Scheduled;
    String message =
        spec.suspended()
            ? "suspended: no new Backups"
            : next == null ? "the cron expression has no further time" : "next Backup at " + next;
    ready(schedule, context, now, true, reason, message, status, false);
    Duration wait = next == null ? settings.scheduleResync() : Duration.between(now, next);
    return Result.requeueAfter(
        wait.compareTo(settings.scheduleResync()) > 0 ? settings.scheduleResync() : wait);
  }

  static final String NOT_ATTRIBUTED =
      "this BackupSchedule was not created through Kubeward (console, API or CLI), or its spec"
          + " changed since: Kubeward backs up only on behalf of a person, with that person's"
          + " rights (the annotation kubeward.io/acting-as is missing or does not match)";

  /** Step: the Backup for cron time {@code at}; an existing one (a retried pass) is kept. */
  private String create(
      BackupScheduleObject schedule,
      BackupScheduleSpec spec,
      KubeIdentity who,
      KubernetesClient acting,
      Instant at,
      ReconcileContext context) {
    String name = childName(schedule.name(), at);
    Map<String, Object> specMap = BackupResources.toMap(spec.templateOrDefault());
    String stamp = identity.stamp(BackupResources.KIND, schedule.namespace(), name, specMap, who);
    GenericKubernetesResource backup =
        BackupResources.newResource(
            BackupResources.KIND,
            schedule.namespace(),
            name,
            specMap,
            Map.of(BackupResources.SCHEDULE_LABEL, schedule.name()),
            Map.of(IdentityStamp.ANNOTATION, stamp, SCHEDULED_AT, at.toString()));
    try {
      acting
          .genericKubernetesResources(BackupResources.CONTEXT)
          .inNamespace(schedule.namespace())
          .resource(backup)
          .create();
      event(context, schedule, BackupReason.BackupCreated, false, "created Backup " + name);
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        throw e;
      }
    }
    return name;
  }

  /** Step: retention deletes the oldest finished Backups of the schedule. */
  private void prune(
      BackupScheduleObject schedule,
      BackupScheduleSpec spec,
      KubernetesClient acting,
      Instant now,
      ReconcileContext context) {
    if (spec.retention() == null) {
      return;
    }
    List<BackupObject> children =
        system
            .genericKubernetesResources(BackupResources.CONTEXT)
            .inNamespace(schedule.namespace())
            .withLabel(BackupResources.SCHEDULE_LABEL, schedule.name())
            .list()
            .getItems()
            .stream()
            .filter(r -> r.getMetadata().getDeletionTimestamp() == null)
            .map(BackupResources::toBackup)
            .toList();
    List<Retention.Child> kids =
        children.stream()
            .map(
                b ->
                    new Retention.Child(
                        b.name(), scheduledAt(b), b.status().phaseOrNew().finished()))
            .toList();
    for (String name :
        Retention.prune(kids, spec.retention().count(), BackupValidation.maxAge(spec), now)) {
      try {
        acting
            .genericKubernetesResources(BackupResources.CONTEXT)
            .inNamespace(schedule.namespace())
            .withName(name)
            .delete();
        event(
            context,
            schedule,
            BackupReason.BackupPruned,
            false,
            "deleted Backup " + name + " (retention)");
      } catch (KubernetesClientException e) {
        if (e.getCode() != 404) {
          event(
              context,
              schedule,
              BackupReason.BackupPruned,
              true,
              "could not delete Backup " + name + ": " + e.getMessage());
        }
      }
    }
  }

  private static Instant scheduledAt(BackupObject b) {
    String at = b.annotations().get(SCHEDULED_AT);
    if (at != null) {
      try {
        return Instant.parse(at);
      } catch (RuntimeException ignored) {
        // fall back to the creation time
      }
    }
    return b.createdAt() == null ? Instant.EPOCH : b.createdAt();
  }

  private Result ready(
      BackupScheduleObject schedule,
      ReconcileContext context,
      Instant now,
      boolean holds,
      BackupReason reason,
      String message,
      BackupScheduleStatus status,
      boolean warnOnChange) {
    BackupScheduleStatus next =
        new BackupScheduleStatus(
            schedule.generation(),
            Conditions.set(
                status.conditions(),
                BackupReason.READY,
                holds,
                reason,
                message,
                now,
                schedule.generation()),
            status.lastScheduleTime(),
            status.lastBackup(),
            status.nextScheduleTime());
    if (!next.equals(schedule.status())) {
      statuses.write(schedule.namespace(), schedule.name(), next);
      if (warnOnChange) {
        event(context, schedule, reason, true, message);
      }
    }
    return Result.done();
  }

  private static void event(
      ReconcileContext context,
      BackupScheduleObject schedule,
      BackupReason reason,
      boolean warning,
      String message) {
    context
        .events()
        .record(
            new EventTarget(
                BackupResources.API_VERSION,
                BackupResources.SCHEDULE_KIND,
                schedule.namespace(),
                schedule.name()),
            reason,
            warning,
            message);
  }
}
