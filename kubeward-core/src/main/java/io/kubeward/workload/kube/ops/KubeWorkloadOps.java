package io.kubeward.workload.kube.ops;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.kubeward.access.app.Caller;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.cluster.kube.KubeErrors;
import io.kubeward.workload.app.ops.WorkloadOpsGateway;
import io.kubeward.workload.domain.WorkloadKind;
import io.kubeward.workload.domain.WorkloadRef;
import io.kubeward.workload.domain.ops.ManualJobs;
import io.kubeward.workload.domain.ops.OpsLimits;
import io.kubeward.workload.domain.ops.Revision;
import io.kubeward.workload.domain.ops.WorkloadOpException;
import io.kubeward.workload.domain.ops.WorkloadPatches;
import io.kubeward.workload.domain.ops.WorkloadState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The workload operations' adapter: typed reads and patches with the caller's identity ({@link
 * ClusterClients}); the apiserver's refusals leave through {@link KubeErrors}. History is read live
 * (templates are not in the cache): a Deployment's ReplicaSets, a StatefulSet's or DaemonSet's
 * ControllerRevisions, selected by the workload's selector and kept when it controls them.
 */
public final class KubeWorkloadOps implements WorkloadOpsGateway {

  static final String REVISION = "deployment.kubernetes.io/revision";
  static final String CHANGE_CAUSE = "kubernetes.io/change-cause";

  private final ClusterClients clients;

  public KubeWorkloadOps(ClusterClients clients) {
    this.clients = clients;
  }

  @Override
  public Optional<Live> get(Caller caller, WorkloadRef ref) {
    KubernetesClient client = clients.forCaller(caller, ref.cluster(), ClusterClients.Intent.READ);
    HasMetadata object =
        KubeErrors.call(
            ref.cluster(),
            () ->
                client
                    .resources(type(ref.kind()))
                    .inNamespace(ref.namespace())
                    .withName(ref.name())
                    .get());
    return Optional.ofNullable(object).map(o -> live(client, o));
  }

  @Override
  public Live patch(
      Caller caller, WorkloadRef ref, WorkloadOpsGateway.PatchType type, Object body) {
    KubernetesClient client = clients.forCaller(caller, ref.cluster(), ClusterClients.Intent.WRITE);
    String json = client.getKubernetesSerialization().asJson(body);
    HasMetadata written =
        KubeErrors.call(
            ref.cluster(),
            () ->
                client
                    .resources(type(ref.kind()))
                    .inNamespace(ref.namespace())
                    .withName(ref.name())
                    .patch(PatchContext.of(patchType(type)), json));
    return live(client, written);
  }

  @Override
  public List<StoredRevision> revisions(Caller caller, WorkloadRef ref) {
    KubernetesClient client = clients.forCaller(caller, ref.cluster(), ClusterClients.Intent.READ);
    HasMetadata object =
        KubeErrors.call(
            ref.cluster(),
            () ->
                client
                    .resources(type(ref.kind()))
                    .inNamespace(ref.namespace())
                    .withName(ref.name())
                    .get());
    if (object == null) {
      throw WorkloadOpException.notFound(ref.kind().kind(), ref.namespace(), ref.name());
    }
    Live workload = live(client, object);
    List<StoredRevision> history =
        switch (ref.kind()) {
          case DEPLOYMENT -> replicaSets(client, ref, (Deployment) object, workload);
          case STATEFULSET ->
              controllerRevisions(
                  client,
                  ref,
                  object,
                  ((StatefulSet) object).getSpec().getSelector(),
                  ((StatefulSet) object).getStatus() == null
                      ? null
                      : ((StatefulSet) object).getStatus().getUpdateRevision());
          case DAEMONSET ->
              controllerRevisions(
                  client, ref, object, ((DaemonSet) object).getSpec().getSelector(), null);
          default -> List.of();
        };
    return history.stream()
        .sorted(Comparator.comparingLong((StoredRevision r) -> r.revision().revision()).reversed())
        .toList();
  }

  @Override
  public CreatedJob trigger(Caller caller, WorkloadRef cronJob) {
    KubernetesClient client =
        clients.forCaller(caller, cronJob.cluster(), ClusterClients.Intent.WRITE);
    CronJob found =
        KubeErrors.call(
            cronJob.cluster(),
            () ->
                client
                    .batch()
                    .v1()
                    .cronjobs()
                    .inNamespace(cronJob.namespace())
                    .withName(cronJob.name())
                    .get());
    if (found == null) {
      throw WorkloadOpException.notFound("CronJob", cronJob.namespace(), cronJob.name());
    }
    List<String> existing =
        KubeErrors.call(
                cronJob.cluster(),
                () -> client.batch().v1().jobs().inNamespace(cronJob.namespace()).list())
            .getItems()
            .stream()
            .filter(job -> controlledBy(job, found.getMetadata().getUid()))
            .map(job -> job.getMetadata().getName())
            .toList();
    Job job = ManualJobs.fromCronJob(found, ManualJobs.name(cronJob.name(), existing));
    Job created =
        KubeErrors.call(
            cronJob.cluster(),
            () ->
                client.batch().v1().jobs().inNamespace(cronJob.namespace()).resource(job).create());
    return new CreatedJob(
        created.getMetadata().getNamespace(),
        created.getMetadata().getName(),
        created.getMetadata().getUid());
  }

  // --- history

  private List<StoredRevision> replicaSets(
      KubernetesClient client, WorkloadRef ref, Deployment deployment, Live workload) {
    String uid = deployment.getMetadata().getUid();
    Long current = workload.state().revision();
    List<StoredRevision> result = new ArrayList<>();
    for (ReplicaSet rs :
        KubeErrors.call(
                ref.cluster(),
                () ->
                    client
                        .apps()
                        .replicaSets()
                        .inNamespace(ref.namespace())
                        .withLabelSelector(deployment.getSpec().getSelector())
                        .list())
            .getItems()) {
      Long number = parseRevision(annotation(rs, REVISION));
      if (!controlledBy(rs, uid) || number == null) {
        continue;
      }
      PodTemplateSpec template = rs.getSpec().getTemplate();
      result.add(
          new StoredRevision(
              new Revision(
                  number,
                  "ReplicaSet/" + rs.getMetadata().getName(),
                  created(rs),
                  annotation(rs, CHANGE_CAUSE),
                  images(template),
                  number.equals(current)),
              toMap(client, template),
              null));
    }
    return result;
  }

  @SuppressWarnings("unchecked")
  private List<StoredRevision> controllerRevisions(
      KubernetesClient client,
      WorkloadRef ref,
      HasMetadata owner,
      LabelSelector selector,
      String updateRevision) {
    String uid = owner.getMetadata().getUid();
    List<ControllerRevision> owned =
        KubeErrors.call(
                ref.cluster(),
                () ->
                    client
                        .apps()
                        .controllerRevisions()
                        .inNamespace(ref.namespace())
                        .withLabelSelector(selector)
                        .list())
            .getItems()
            .stream()
            .filter(cr -> controlledBy(cr, uid))
            .toList();
    long highest = owned.stream().mapToLong(cr -> zero(cr.getRevision())).max().orElse(0);
    List<StoredRevision> result = new ArrayList<>();
    for (ControllerRevision cr : owned) {
      Map<String, Object> data = cr.getData() == null ? Map.of() : toMap(client, cr.getData());
      Map<String, Object> template =
          data.get("spec") instanceof Map<?, ?> spec && spec.get("template") instanceof Map<?, ?> t
              ? new LinkedHashMap<>((Map<String, Object>) t)
              : new LinkedHashMap<>();
      template.remove("$patch");
      long number = zero(cr.getRevision());
      boolean current =
          updateRevision == null
              ? number == highest
              : updateRevision.equals(cr.getMetadata().getName());
      result.add(
          new StoredRevision(
              new Revision(
                  number,
                  "ControllerRevision/" + cr.getMetadata().getName(),
                  created(cr),
                  annotation(cr, CHANGE_CAUSE),
                  images(template),
                  current),
              template,
              data));
    }
    return result;
  }

  // --- state

  /** The kind-specific numbers of a workload; {@code null} where they do not apply. */
  private record Facts(
      PodTemplateSpec template,
      Integer replicas,
      Integer ready,
      Integer updated,
      Integer available,
      Boolean paused,
      Boolean suspended,
      Long revision) {}

  private static Facts facts(HasMetadata object) {
    return switch (object) {
      case Deployment d -> {
        var st = d.getStatus();
        yield new Facts(
            d.getSpec().getTemplate(),
            orZero(d.getSpec().getReplicas(), 1),
            st == null ? 0 : orZero(st.getReadyReplicas(), 0),
            st == null ? 0 : orZero(st.getUpdatedReplicas(), 0),
            st == null ? 0 : orZero(st.getAvailableReplicas(), 0),
            Boolean.TRUE.equals(d.getSpec().getPaused()),
            null,
            parseRevision(annotation(d, REVISION)));
      }
      case StatefulSet s -> {
        var st = s.getStatus();
        yield new Facts(
            s.getSpec().getTemplate(),
            orZero(s.getSpec().getReplicas(), 1),
            st == null ? 0 : orZero(st.getReadyReplicas(), 0),
            st == null ? 0 : orZero(st.getUpdatedReplicas(), 0),
            st == null ? 0 : orZero(st.getAvailableReplicas(), 0),
            null,
            null,
            null);
      }
      case DaemonSet ds -> {
        var st = ds.getStatus();
        yield new Facts(
            ds.getSpec().getTemplate(),
            null,
            st == null ? 0 : orZero(st.getNumberReady(), 0),
            st == null ? 0 : orZero(st.getUpdatedNumberScheduled(), 0),
            st == null ? 0 : orZero(st.getNumberAvailable(), 0),
            null,
            null,
            null);
      }
      case ReplicaSet rs -> {
        var st = rs.getStatus();
        yield new Facts(
            rs.getSpec().getTemplate(),
            orZero(rs.getSpec().getReplicas(), 1),
            st == null ? 0 : orZero(st.getReadyReplicas(), 0),
            null,
            st == null ? 0 : orZero(st.getAvailableReplicas(), 0),
            null,
            null,
            parseRevision(annotation(rs, REVISION)));
      }
      case Job j ->
          new Facts(
              j.getSpec().getTemplate(),
              null,
              j.getStatus() == null ? 0 : orZero(j.getStatus().getReady(), 0),
              null,
              null,
              null,
              Boolean.TRUE.equals(j.getSpec().getSuspend()),
              null);
      case CronJob cj ->
          new Facts(
              cj.getSpec().getJobTemplate().getSpec().getTemplate(),
              null,
              null,
              null,
              null,
              null,
              Boolean.TRUE.equals(cj.getSpec().getSuspend()),
              null);
      default -> throw new IllegalStateException("not a workload: " + object.getKind());
    };
  }

  private static Live live(KubernetesClient client, HasMetadata object) {
    Facts f = facts(object);
    return new Live(
        new WorkloadState(
            object.getKind(),
            object.getMetadata().getNamespace(),
            object.getMetadata().getName(),
            object.getMetadata().getResourceVersion(),
            zero(object.getMetadata().getGeneration()),
            f.replicas(),
            f.ready(),
            f.updated(),
            f.available(),
            f.paused(),
            f.suspended(),
            imageMap(f.template()),
            f.revision(),
            restartedAt(f.template())),
        object.getMetadata().getUid(),
        toMap(client, f.template()));
  }

  private static Class<? extends HasMetadata> type(WorkloadKind kind) {
    return switch (kind) {
      case DEPLOYMENT -> Deployment.class;
      case STATEFULSET -> StatefulSet.class;
      case DAEMONSET -> DaemonSet.class;
      case REPLICASET -> ReplicaSet.class;
      case JOB -> Job.class;
      case CRONJOB -> CronJob.class;
    };
  }

  private static io.fabric8.kubernetes.client.dsl.base.PatchType patchType(
      WorkloadOpsGateway.PatchType type) {
    return switch (type) {
      case MERGE -> io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE;
      case STRATEGIC_MERGE -> io.fabric8.kubernetes.client.dsl.base.PatchType.STRATEGIC_MERGE;
      case JSON -> io.fabric8.kubernetes.client.dsl.base.PatchType.JSON;
    };
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> toMap(KubernetesClient client, Object value) {
    return client.getKubernetesSerialization().convertValue(value, LinkedHashMap.class);
  }

  private static boolean controlledBy(HasMetadata object, String uid) {
    List<OwnerReference> owners = object.getMetadata().getOwnerReferences();
    return owners != null
        && owners.stream()
            .anyMatch(
                o -> Boolean.TRUE.equals(o.getController()) && Objects.equals(o.getUid(), uid));
  }

  private static String annotation(HasMetadata object, String key) {
    Map<String, String> annotations = object.getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(key);
  }

  private static Long parseRevision(String text) {
    if (text == null) {
      return null;
    }
    try {
      long value = Long.parseLong(text.strip());
      return value < 1 || value > OpsLimits.MAX_REVISION ? null : value;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Instant created(HasMetadata object) {
    String at = object.getMetadata().getCreationTimestamp();
    try {
      return at == null ? null : Instant.parse(at);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String restartedAt(PodTemplateSpec template) {
    return template.getMetadata() == null || template.getMetadata().getAnnotations() == null
        ? null
        : template.getMetadata().getAnnotations().get(WorkloadPatches.RESTARTED_AT);
  }

  private static Map<String, String> imageMap(PodTemplateSpec template) {
    Map<String, String> images = new LinkedHashMap<>();
    if (template.getSpec() != null) {
      if (template.getSpec().getInitContainers() != null) {
        template.getSpec().getInitContainers().forEach(c -> images.put(c.getName(), c.getImage()));
      }
      template.getSpec().getContainers().forEach(c -> images.put(c.getName(), c.getImage()));
    }
    return images;
  }

  private static List<String> images(PodTemplateSpec template) {
    return template.getSpec() == null
        ? List.of()
        : template.getSpec().getContainers().stream().map(Container::getImage).toList();
  }

  @SuppressWarnings("unchecked")
  private static List<String> images(Map<String, Object> template) {
    List<String> images = new ArrayList<>();
    if (template.get("spec") instanceof Map<?, ?> spec
        && spec.get("containers") instanceof List<?> containers) {
      for (Object c : containers) {
        if (c instanceof Map<?, ?> container && container.get("image") instanceof String image) {
          images.add(image);
        }
      }
    }
    return images;
  }

  private static int orZero(Integer value, int fallback) {
    return value == null ? fallback : value;
  }

  private static long zero(Long value) {
    return value == null ? 0 : value;
  }
}
