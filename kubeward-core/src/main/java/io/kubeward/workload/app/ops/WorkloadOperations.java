package io.kubeward.workload.app.ops;

import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.Verb;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.cluster.app.ClusterNotFoundException;
import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.Indexes;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.ObjectView;
import io.kubeward.common.Names;
import io.kubeward.resource.app.ObjectCodec;
import io.kubeward.resource.app.ObjectGateway;
import io.kubeward.resource.app.ResourceException;
import io.kubeward.resource.domain.KindInfo;
import io.kubeward.resource.domain.UnifiedDiff;
import io.kubeward.workload.app.ops.WorkloadOpsGateway.Live;
import io.kubeward.workload.app.ops.WorkloadOpsGateway.PatchType;
import io.kubeward.workload.app.ops.WorkloadOpsGateway.StoredRevision;
import io.kubeward.workload.domain.WorkloadKind;
import io.kubeward.workload.domain.WorkloadRef;
import io.kubeward.workload.domain.ops.OpsLimits;
import io.kubeward.workload.domain.ops.Revision;
import io.kubeward.workload.domain.ops.RevisionDiff;
import io.kubeward.workload.domain.ops.WorkloadOpException;
import io.kubeward.workload.domain.ops.WorkloadPatches;
import io.kubeward.workload.domain.ops.WorkloadState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Use cases: the workload operations (scale, restart, pause/resume, set image, history, diff,
 * rollback, CronJob suspend/resume/trigger, delete with a cascade), each sent with the caller's
 * identity so that the cluster decides, each change audited through {@link AuditedAction} with the
 * change as a diff, each answer carrying the workload as written and the audit record's number.
 */
public final class WorkloadOperations {

  public static final String SCALE = "workload.scale";
  public static final String RESTART = "workload.restart";
  public static final String PAUSE = "workload.pause";
  public static final String RESUME = "workload.resume";
  public static final String SET_IMAGE = "workload.image";
  public static final String ROLLBACK = "workload.rollback";
  public static final String SUSPEND = "cronjob.suspend";
  public static final String UNSUSPEND = "cronjob.resume";
  public static final String TRIGGER = "cronjob.trigger";
  public static final String DELETE = "delete";

  private final ClusterRegistry clusters;
  private final Authorizer authorizer;
  private final AuditedAction audited;
  private final WorkloadOpsGateway gateway;
  private final ObjectGateway objects;
  private final ObjectCodec codec;
  private final Clock clock;

  public WorkloadOperations(
      ClusterRegistry clusters,
      Authorizer authorizer,
      AuditedAction audited,
      WorkloadOpsGateway gateway,
      ObjectGateway objects,
      ObjectCodec codec,
      Clock clock) {
    this.clusters = clusters;
    this.authorizer = authorizer;
    this.audited = audited;
    this.gateway = gateway;
    this.objects = objects;
    this.codec = codec;
    this.clock = clock;
  }

  /** {@code spec.replicas} (0..10000); warns when an HPA scales the workload. */
  public OpResult scale(Caller caller, WorkloadRef ref, Integer replicas) {
    check(ref);
    int wanted = OpsLimits.replicas(replicas);
    require(ref, ref.kind().scalable(), "scale");
    OpResult result = change(caller, ref, SCALE, PatchType.MERGE, WorkloadPatches.replicas(wanted));
    return new OpResult(result.workload(), result.auditId(), hpaWarnings(ref), null, null, false);
  }

  /** {@code kubectl rollout restart}: the restart annotation on the pod template. */
  public OpResult restart(Caller caller, WorkloadRef ref) {
    check(ref);
    require(ref, ref.kind().rollsOut(), "restart");
    return change(
        caller, ref, RESTART, PatchType.STRATEGIC_MERGE, WorkloadPatches.restart(clock.instant()));
  }

  /** {@code kubectl rollout pause|resume} (Deployments). */
  public OpResult pause(Caller caller, WorkloadRef ref, boolean paused) {
    check(ref);
    require(ref, ref.kind() == WorkloadKind.DEPLOYMENT, paused ? "pause" : "resume");
    return change(
        caller, ref, paused ? PAUSE : RESUME, PatchType.MERGE, WorkloadPatches.paused(paused));
  }

  /** {@code kubectl set image}: container name → image, checked against the template. */
  public OpResult setImages(Caller caller, WorkloadRef ref, Map<String, String> images) {
    check(ref);
    require(ref, ref.kind() != WorkloadKind.JOB, "set image");
    if (images == null || images.isEmpty()) {
      throw WorkloadOpException.invalid("at least one container and image are required");
    }
    if (images.size() > OpsLimits.MAX_IMAGES) {
      throw WorkloadOpException.invalid("at most " + OpsLimits.MAX_IMAGES + " images at once");
    }
    images.forEach(
        (container, image) -> {
          OpsLimits.container(container);
          OpsLimits.image(image);
        });
    return result(
        audited.runRecorded(
            caller,
            Verb.MUTATE,
            target(ref),
            SET_IMAGE,
            () -> {
              Live before = live(caller, ref);
              Map<String, String> containers = new LinkedHashMap<>();
              Map<String, String> inits = new LinkedHashMap<>();
              List<String> regular = containerNames(before.template(), "containers");
              List<String> init = containerNames(before.template(), "initContainers");
              images.forEach(
                  (container, image) -> {
                    if (regular.contains(container)) {
                      containers.put(container, image);
                    } else if (init.contains(container)) {
                      inits.put(container, image);
                    } else {
                      throw WorkloadOpException.invalid(
                          "the pod template has no container named " + container);
                    }
                  });
              Live after =
                  gateway.patch(
                      caller,
                      ref,
                      PatchType.STRATEGIC_MERGE,
                      WorkloadPatches.images(
                          containers, inits, ref.kind() == WorkloadKind.CRONJOB));
              return new AuditedAction.Outcome<>(after.state(), auditDiff(ref, before, after));
            }));
  }

  /** The rollout history, newest first. */
  public List<Revision> revisions(Caller caller, WorkloadRef ref) {
    check(ref);
    require(ref, ref.kind().rollsOut(), "history");
    authorizer.require(caller, Verb.READ, ref.cluster(), ref.namespace());
    return gateway.revisions(caller, ref).stream().map(StoredRevision::revision).toList();
  }

  /** One revision with its pod template as YAML (hash labels stripped, as kubectl shows it). */
  public record RevisionDetail(Revision revision, String template) {}

  public RevisionDetail revision(Caller caller, WorkloadRef ref, Long number) {
    check(ref);
    long wanted = OpsLimits.revision(number);
    require(ref, ref.kind().rollsOut(), "history");
    authorizer.require(caller, Verb.READ, ref.cluster(), ref.namespace());
    StoredRevision stored = stored(caller, ref, wanted);
    return new RevisionDetail(stored.revision(), yaml(stored.template()));
  }

  /** Two revisions' templates side by side, with their unified diff. */
  public RevisionDiff diff(Caller caller, WorkloadRef ref, Long from, Long to) {
    check(ref);
    long a = OpsLimits.revision(from);
    long b = OpsLimits.revision(to);
    require(ref, ref.kind().rollsOut(), "history");
    authorizer.require(caller, Verb.READ, ref.cluster(), ref.namespace());
    List<StoredRevision> history = gateway.revisions(caller, ref);
    return diff(ref, a, find(history, ref, a).template(), b, find(history, ref, b).template());
  }

  /**
   * Rolls back to a revision ({@code kubectl rollout undo --to-revision}); {@code dryRun} only
   * answers the diff from the live template to the revision's, changes and audits nothing.
   */
  public OpResult rollback(Caller caller, WorkloadRef ref, Long revision, boolean dryRun) {
    check(ref);
    long wanted = OpsLimits.revision(revision);
    require(ref, ref.kind().rollsOut(), "rollback");
    if (dryRun) {
      authorizer.require(caller, Verb.READ, ref.cluster(), ref.namespace());
      Live live = live(caller, ref);
      StoredRevision stored = stored(caller, ref, wanted);
      return new OpResult(
          live.state(),
          -1,
          List.of(),
          null,
          diff(ref, 0, live.template(), wanted, stored.template()),
          true);
    }
    AuditedAction.Recorded<OpResult> recorded =
        audited.runRecorded(
            caller,
            Verb.MUTATE,
            target(ref),
            ROLLBACK,
            () -> {
              Live before = live(caller, ref);
              if (Boolean.TRUE.equals(before.state().paused())) {
                throw WorkloadOpException.invalid(
                    "a paused Deployment cannot be rolled back; resume it first");
              }
              StoredRevision stored = stored(caller, ref, wanted);
              RevisionDiff change = diff(ref, 0, before.template(), wanted, stored.template());
              Live after =
                  ref.kind() == WorkloadKind.DEPLOYMENT
                      ? gateway.patch(
                          caller,
                          ref,
                          PatchType.JSON,
                          WorkloadPatches.rollbackDeployment(stored.template()))
                      : gateway.patch(
                          caller, ref, PatchType.STRATEGIC_MERGE, stored.restorePatch());
              return new AuditedAction.Outcome<>(
                  new OpResult(after.state(), -1, List.of(), null, change, false),
                  change.changed() ? change.unified() : null);
            });
    OpResult value = recorded.value();
    return new OpResult(value.workload(), recorded.auditId(), List.of(), null, value.diff(), false);
  }

  /** CronJob {@code spec.suspend}. */
  public OpResult suspend(Caller caller, WorkloadRef ref, boolean suspend) {
    check(ref);
    require(ref, ref.kind() == WorkloadKind.CRONJOB, suspend ? "suspend" : "resume");
    return change(
        caller,
        ref,
        suspend ? SUSPEND : UNSUSPEND,
        PatchType.MERGE,
        WorkloadPatches.suspend(suspend));
  }

  /** A Job from the CronJob's template, now. */
  public OpResult trigger(Caller caller, WorkloadRef ref) {
    check(ref);
    require(ref, ref.kind() == WorkloadKind.CRONJOB, "trigger");
    AuditedAction.Recorded<WorkloadOpsGateway.CreatedJob> recorded =
        audited.runRecorded(
            caller,
            Verb.MUTATE,
            target(ref),
            TRIGGER,
            () -> {
              WorkloadOpsGateway.CreatedJob job = gateway.trigger(caller, ref);
              return new AuditedAction.Outcome<>(
                  job,
                  "--- /dev/null\n+++ b/jobs/"
                      + job.namespace()
                      + "/"
                      + job.name()
                      + "\n@@ -0,0 +1 @@\n+Job "
                      + job.name()
                      + " created from CronJob "
                      + ref.name()
                      + "\n");
            });
    return new OpResult(null, recorded.auditId(), List.of(), recorded.value(), null, false);
  }

  /** Deletes with a cascade: {@code background} (default), {@code foreground} or {@code orphan}. */
  public OpResult delete(Caller caller, WorkloadRef ref, String cascade) {
    check(ref);
    ObjectGateway.Propagation propagation = cascade(cascade);
    AuditedAction.Recorded<Void> recorded =
        audited.runRecorded(
            caller,
            Verb.MUTATE,
            target(ref),
            DELETE,
            () -> {
              KindInfo kind =
                  objects
                      .resolve(ref.cluster(), ref.kind().apiVersion(), ref.kind().kind())
                      .orElseThrow(
                          () ->
                              ResourceException.unknownKind(
                                  ref.kind().apiVersion(), ref.kind().kind()));
              if (!objects.delete(
                  caller, ref.cluster(), kind, ref.namespace(), ref.name(), propagation)) {
                throw WorkloadOpException.notFound(ref.kind().kind(), ref.namespace(), ref.name());
              }
              return new AuditedAction.Outcome<>(
                  null, "cascade: " + propagation.name().toLowerCase(Locale.ROOT) + "\n");
            });
    return OpResult.of(null, recorded.auditId());
  }

  // --- steps

  private static OpResult result(AuditedAction.Recorded<WorkloadState> recorded) {
    return OpResult.of(recorded.value(), recorded.auditId());
  }

  private OpResult change(
      Caller caller, WorkloadRef ref, String verb, PatchType type, Map<String, Object> patch) {
    return result(
        audited.runRecorded(
            caller,
            Verb.MUTATE,
            target(ref),
            verb,
            () -> {
              Live before = live(caller, ref);
              Live after = gateway.patch(caller, ref, type, patch);
              return new AuditedAction.Outcome<>(after.state(), auditDiff(ref, before, after));
            }));
  }

  private Live live(Caller caller, WorkloadRef ref) {
    return gateway
        .get(caller, ref)
        .orElseThrow(
            () -> WorkloadOpException.notFound(ref.kind().kind(), ref.namespace(), ref.name()));
  }

  private StoredRevision stored(Caller caller, WorkloadRef ref, long revision) {
    return find(gateway.revisions(caller, ref), ref, revision);
  }

  private static StoredRevision find(List<StoredRevision> history, WorkloadRef ref, long number) {
    return history.stream()
        .filter(r -> r.revision().revision() == number)
        .findFirst()
        .orElseThrow(
            () -> WorkloadOpException.revisionNotFound(number, ref.kind().kind(), ref.name()));
  }

  private RevisionDiff diff(
      WorkloadRef ref,
      long from,
      Map<String, Object> fromTemplate,
      long to,
      Map<String, Object> toTemplate) {
    String fromText = yaml(fromTemplate);
    String toText = yaml(toTemplate);
    String unified = UnifiedDiff.of(fromText, toText, label(ref, from), label(ref, to));
    return new RevisionDiff(from, to, fromText, toText, unified, !unified.isEmpty());
  }

  private static String label(WorkloadRef ref, long revision) {
    return ref.kind().kind()
        + "/"
        + ref.namespace()
        + "/"
        + ref.name()
        + (revision == 0 ? " (live)" : " (revision " + revision + ")");
  }

  private String yaml(Map<String, Object> template) {
    return codec.toYaml(WorkloadPatches.withoutHashLabels(template));
  }

  /** Before → after of what the operations change: replicas, pause, suspend and the template. */
  private String auditDiff(WorkloadRef ref, Live before, Live after) {
    String diff =
        UnifiedDiff.of(
            codec.toYaml(auditable(before)),
            codec.toYaml(auditable(after)),
            "a/" + ref.kind().plural() + "/" + ref.namespace() + "/" + ref.name(),
            "b/" + ref.kind().plural() + "/" + ref.namespace() + "/" + ref.name());
    return diff.isEmpty() ? null : diff;
  }

  private static Map<String, Object> auditable(Live live) {
    Map<String, Object> shown = new LinkedHashMap<>();
    WorkloadState state = live.state();
    if (state.replicas() != null) {
      shown.put("replicas", state.replicas());
    }
    if (state.paused() != null) {
      shown.put("paused", state.paused());
    }
    if (state.suspended() != null) {
      shown.put("suspend", state.suspended());
    }
    shown.put("template", WorkloadPatches.withoutHashLabels(live.template()));
    return shown;
  }

  @SuppressWarnings("unchecked")
  private static List<String> containerNames(Map<String, Object> template, String field) {
    List<String> names = new ArrayList<>();
    if (template.get("spec") instanceof Map<?, ?> spec
        && spec.get(field) instanceof List<?> containers) {
      for (Object c : containers) {
        if (c instanceof Map<?, ?> container && container.get("name") instanceof String name) {
          names.add(name);
        }
      }
    }
    return names;
  }

  /** An HPA in the namespace whose {@code scaleTargetRef} is the workload will undo a scale. */
  private List<OpResult.Warning> hpaWarnings(WorkloadRef ref) {
    Optional<ManagedCluster> cluster = clusters.find(ref.cluster());
    if (cluster.isEmpty()) {
      return List.of();
    }
    var views = cluster.get().views(CachedKind.HORIZONTALPODAUTOSCALERS);
    List<OpResult.Warning> warnings = new ArrayList<>();
    String wanted = ref.kind().kind() + "/" + ref.name();
    for (String key : views.keys(Indexes.NAMESPACE, ref.namespace())) {
      KubeObjectView view = views.view(key);
      if (view instanceof ObjectView hpa && wanted.equals(hpa.fields().get("target"))) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("hpa", hpa.name());
        params.put("min", String.valueOf(hpa.fields().get("minReplicas")));
        params.put("max", String.valueOf(hpa.fields().get("maxReplicas")));
        warnings.add(
            new OpResult.Warning(
                "hpa-managed",
                "HorizontalPodAutoscaler "
                    + hpa.name()
                    + " scales this workload between "
                    + params.get("min")
                    + " and "
                    + params.get("max")
                    + " replicas and may undo this change",
                params));
      }
    }
    return warnings;
  }

  private static void require(WorkloadRef ref, boolean applies, String operation) {
    if (!applies) {
      throw WorkloadOpException.unsupported(operation, ref.kind().kind());
    }
  }

  private void check(WorkloadRef ref) {
    Objects.requireNonNull(ref.kind(), "kind");
    if (clusters.find(ref.cluster()).isEmpty()) {
      throw new ClusterNotFoundException(ref.cluster());
    }
    if (!Names.isNamespace(ref.namespace())) {
      throw WorkloadOpException.invalid("namespace must be a DNS label");
    }
    if (!Names.isObjectName(ref.name())) {
      throw WorkloadOpException.invalid("name must be a DNS subdomain");
    }
  }

  private static AuditedAction.Target target(WorkloadRef ref) {
    return new AuditedAction.Target(ref.cluster(), ref.namespace(), ref.kind().kind(), ref.name());
  }

  private static ObjectGateway.Propagation cascade(String value) {
    if (value == null || value.isBlank()) {
      return ObjectGateway.Propagation.BACKGROUND;
    }
    try {
      return ObjectGateway.Propagation.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw WorkloadOpException.invalid("cascade must be background, foreground or orphan");
    }
  }
}
