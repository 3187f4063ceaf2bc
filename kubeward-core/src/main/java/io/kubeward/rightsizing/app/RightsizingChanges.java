package io.kubeward.rightsizing.app;

import io.fabric8.kubernetes.api.model.Quantity;
import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.ResourceAction;
import io.kubeward.access.domain.Verb;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import io.kubeward.common.Names;
import io.kubeward.history.domain.HistoryTarget;
import io.kubeward.resource.app.ObjectCodec;
import io.kubeward.rightsizing.domain.ContainerFacts;
import io.kubeward.rightsizing.domain.ContainerRequests;
import io.kubeward.rightsizing.domain.Quantities;
import io.kubeward.rightsizing.domain.Recommendation;
import io.kubeward.rightsizing.domain.Recommender;
import io.kubeward.rightsizing.domain.RequestsPatch;
import io.kubeward.rightsizing.domain.RightsizingException;
import io.kubeward.usage.domain.Units;
import io.kubeward.workload.app.ops.WorkloadOpsGateway;
import io.kubeward.workload.app.ops.WorkloadOpsGateway.Live;
import io.kubeward.workload.app.ops.WorkloadOpsGateway.PatchType;
import io.kubeward.workload.domain.WorkloadKind;
import io.kubeward.workload.domain.WorkloadRef;
import io.kubeward.workload.domain.ops.WorkloadOpException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Use cases: apply a container's recommended (or given) requests to its workload's pod template
 * with the caller's identity (Kubernetes decides; one strategic merge patch that touches only that
 * container's requests), audited with before and after and stored so that it can be reverted;
 * revert, refused when the container's requests changed since; export the patch as YAML.
 */
public final class RightsizingChanges {

  public static final String APPLY = "rightsizing.apply";
  public static final String REVERT = "rightsizing.revert";
  static final long MAX_CPU_MILLIS = 256_000;
  static final long MAX_MEMORY_BYTES = 1024L * 1024 * 1024 * 1024;
  static final int MAX_LISTED = 200;

  private final ClusterReads reads;
  private final Authorizer authorizer;
  private final AuditedAction audited;
  private final WorkloadOpsGateway gateway;
  private final RightsizingChangeStore store;
  private final UsageSamples usage;
  private final Recommender recommender;
  private final ObjectCodec codec;
  private final Clock clock;

  public RightsizingChanges(
      ClusterReads reads,
      Authorizer authorizer,
      AuditedAction audited,
      WorkloadOpsGateway gateway,
      RightsizingChangeStore store,
      UsageSamples usage,
      RightsizingSettings settings,
      ObjectCodec codec,
      Clock clock) {
    this.reads = reads;
    this.authorizer = authorizer;
    this.audited = audited;
    this.gateway = gateway;
    this.store = store;
    this.usage = usage;
    this.recommender = new Recommender(settings.policy());
    this.codec = codec;
    this.clock = clock;
  }

  /** Applies new requests to exactly one container. */
  public ChangeResult apply(Caller caller, String cluster, ApplyRequest request) {
    reads.known(cluster);
    WorkloadRef ref = ref(cluster, request);
    String container = container(request.container());
    Long cpu = quantity("cpu", request.cpu(), true);
    Long memory = quantity("memory", request.memory(), false);
    AuditedAction.Recorded<RightsizingChange> recorded =
        audited.runRecorded(
            caller,
            Verb.MUTATE,
            target(ref),
            APPLY,
            () -> {
              ContainerRequests[] read = new ContainerRequests[1];
              Live written =
                  onFreshVersion(
                      () -> {
                        Live live = live(caller, ref);
                        read[0] = requestsOf(ref, live, container);
                        ContainerRequests wanted =
                            wanted(ref, container, read[0], cpu, memory, request.raiseLimits());
                        return gateway.patch(
                            caller,
                            ref,
                            PatchType.STRATEGIC_MERGE,
                            RequestsPatch.of(
                                ref.kind().kind(),
                                container,
                                wanted,
                                live.state().resourceVersion()));
                      });
              ContainerRequests before = read[0];
              ContainerRequests after = requestsOf(ref, written, container);
              RightsizingChange change =
                  store.save(
                      new RightsizingChange(
                          0,
                          cluster,
                          ref.namespace(),
                          ref.kind().kind(),
                          ref.name(),
                          container,
                          before,
                          after,
                          caller.username(),
                          clock.instant(),
                          null,
                          null));
              return new AuditedAction.Outcome<>(change, diff(ref, container, before, after));
            });
    return new ChangeResult(recorded.value(), recorded.auditId());
  }

  /** Restores the requests (and limits) a change replaced, if nobody changed them since. */
  public ChangeResult revert(Caller caller, String cluster, long id) {
    reads.known(cluster);
    RightsizingChange change =
        store.find(cluster, id).orElseThrow(() -> RightsizingException.changeNotFound(id));
    if (change.reverted()) {
      throw RightsizingException.alreadyReverted(id);
    }
    WorkloadRef ref =
        new WorkloadRef(
            cluster,
            WorkloadKind.parse(change.workloadKind()).orElseThrow(),
            change.namespace(),
            change.workload());
    AuditedAction.Recorded<RightsizingChange> recorded =
        audited.runRecorded(
            caller,
            Verb.MUTATE,
            target(ref),
            REVERT,
            () -> {
              ContainerRequests[] read = new ContainerRequests[1];
              Live written =
                  onFreshVersion(
                      () -> {
                        Live live = live(caller, ref);
                        ContainerRequests now = requestsOf(ref, live, change.container());
                        read[0] = now;
                        if (!now.sameRequests(change.after())) {
                          throw RightsizingException.changedSince(
                              change.container(), text(change.after()), text(now));
                        }
                        ContainerRequests restore =
                            new ContainerRequests(
                                change.before().cpuRequest(),
                                change.before().memoryRequest(),
                                Objects.equals(now.cpuLimit(), change.before().cpuLimit())
                                    ? null
                                    : change.before().cpuLimit(),
                                Objects.equals(now.memoryLimit(), change.before().memoryLimit())
                                    ? null
                                    : change.before().memoryLimit());
                        return gateway.patch(
                            caller,
                            ref,
                            PatchType.STRATEGIC_MERGE,
                            RequestsPatch.of(
                                ref.kind().kind(),
                                change.container(),
                                restore,
                                live.state().resourceVersion()));
                      });
              ContainerRequests now = read[0];
              ContainerRequests after = requestsOf(ref, written, change.container());
              Instant at = clock.instant();
              if (!store.markReverted(cluster, id, caller.username(), at)) {
                throw RightsizingException.alreadyReverted(id);
              }
              return new AuditedAction.Outcome<>(
                  store.find(cluster, id).orElseThrow(), diff(ref, change.container(), now, after));
            });
    return new ChangeResult(recorded.value(), recorded.auditId());
  }

  /** The patch as YAML and the kubectl command that applies it; reads as the caller. */
  public record Export(String yaml, String command) {}

  public Export export(Caller caller, String cluster, ApplyRequest request) {
    reads.known(cluster);
    WorkloadRef ref = ref(cluster, request);
    String container = container(request.container());
    Long cpu = quantity("cpu", request.cpu(), true);
    Long memory = quantity("memory", request.memory(), false);
    authorizer.require(caller, Verb.READ, cluster, ref.namespace());
    Live live = live(caller, ref);
    ContainerRequests before = requestsOf(ref, live, container);
    ContainerRequests wanted = wanted(ref, container, before, cpu, memory, request.raiseLimits());
    String yaml = codec.toYaml(RequestsPatch.of(ref.kind().kind(), container, wanted, null));
    String command =
        "kubectl patch "
            + ref.kind().kind().toLowerCase(java.util.Locale.ROOT)
            + " "
            + ref.name()
            + " -n "
            + ref.namespace()
            + " --type strategic --patch-file rightsizing-"
            + ref.name()
            + "-"
            + container
            + ".yaml";
    return new Export(yaml, command);
  }

  /** The cluster's changes, newest first, in the namespaces the caller may read. */
  public List<RightsizingChange> changes(Caller caller, String cluster) {
    reads.known(cluster);
    return store.list(cluster, MAX_LISTED).stream()
        .filter(c -> mayGet(caller, cluster, c))
        .toList();
  }

  private boolean mayGet(Caller caller, String cluster, RightsizingChange change) {
    WorkloadKind kind = WorkloadKind.parse(change.workloadKind()).orElse(null);
    if (kind == null) {
      return false;
    }
    String group = kind.apiVersion().substring(0, kind.apiVersion().indexOf('/'));
    return authorizer.mayDo(
        caller, cluster, ResourceAction.of("get", group, kind.plural(), change.namespace()));
  }

  // --- steps

  static final int ATTEMPTS = 10;

  /**
   * Reads, checks and patches on the version read; when the API server answers that the workload
   * changed meanwhile (its controller writes status often), reads and checks again, at most {@value
   * #ATTEMPTS} times, so a change is never made on requests nobody looked at.
   */
  private static Live onFreshVersion(java.util.function.Supplier<Live> attempt) {
    for (int i = 1; ; i++) {
      try {
        return attempt.get();
      } catch (KubewardException e) {
        if (e.kind() != ErrorKind.CONFLICT || e instanceof RightsizingException || i >= ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private ContainerRequests wanted(
      WorkloadRef ref,
      String container,
      ContainerRequests before,
      Long cpu,
      Long memory,
      boolean raiseLimits) {
    if (cpu == null || memory == null) {
      Recommendation r = recommend(ref, container, before);
      if (r.samples() == 0) {
        throw RightsizingException.noData(container);
      }
      cpu = cpu == null ? r.cpuRecommended() : cpu;
      memory = memory == null ? r.memoryRecommended() : memory;
    }
    Long cpuLimit = null;
    Long memoryLimit = null;
    if (before.cpuLimit() != null && cpu > before.cpuLimit()) {
      if (!raiseLimits) {
        throw RightsizingException.exceedsLimit(
            container, "cpu", Quantities.cpu(cpu), Quantities.cpu(before.cpuLimit()));
      }
      cpuLimit = cpu;
    }
    if (before.memoryLimit() != null && memory > before.memoryLimit()) {
      if (!raiseLimits) {
        throw RightsizingException.exceedsLimit(
            container,
            "memory",
            Quantities.memory(memory),
            Quantities.memory(before.memoryLimit()));
      }
      memoryLimit = memory;
    }
    return new ContainerRequests(cpu, memory, cpuLimit, memoryLimit);
  }

  private Recommendation recommend(WorkloadRef ref, String container, ContainerRequests before) {
    Instant end = clock.instant();
    Instant start = end.minus(recommender.policy().window());
    HistoryTarget target =
        HistoryTarget.container(ref.namespace(), ref.kind().kind(), ref.name(), container);
    ContainerFacts facts =
        new ContainerFacts(
            ref.namespace(),
            ref.kind().kind(),
            ref.name(),
            container,
            1,
            zero(before.cpuRequest()),
            zero(before.memoryRequest()),
            zero(before.cpuLimit()),
            zero(before.memoryLimit()));
    return recommender.recommend(
        facts, usage.samples(ref.cluster(), target, start, end), start, end);
  }

  private static long zero(Long value) {
    return value == null ? 0 : value;
  }

  private Live live(Caller caller, WorkloadRef ref) {
    return gateway
        .get(caller, ref)
        .orElseThrow(
            () -> WorkloadOpException.notFound(ref.kind().kind(), ref.namespace(), ref.name()));
  }

  private static ContainerRequests requestsOf(WorkloadRef ref, Live live, String container) {
    return RequestsPatch.read(live.template(), container)
        .orElseThrow(
            () ->
                RightsizingException.noContainer(
                    ref.kind().kind(), ref.namespace(), ref.name(), container));
  }

  static WorkloadRef ref(String cluster, ApplyRequest request) {
    if (request == null) {
      throw RightsizingException.invalid("body", "a container to change is required");
    }
    if (request.namespace() == null || !Names.isNamespace(request.namespace())) {
      throw RightsizingException.invalid("namespace", "a namespace name");
    }
    if (request.name() == null || !Names.isObjectName(request.name())) {
      throw RightsizingException.invalid("name", "a workload name");
    }
    WorkloadKind kind =
        WorkloadKind.parse(request.kind())
            .filter(k -> RequestsPatch.KINDS.contains(k.kind()))
            .orElseThrow(
                () -> RightsizingException.unsupportedKind(String.valueOf(request.kind())));
    return new WorkloadRef(cluster, kind, request.namespace(), request.name());
  }

  private static String container(String name) {
    if (name == null || !Names.isNamespace(name)) {
      throw RightsizingException.invalid("container", "a container name");
    }
    return name;
  }

  /** A quantity in millicores (CPU) or bytes (memory), bounded; {@code null} if not given. */
  static Long quantity(String field, String text, boolean cpu) {
    if (text == null || text.isBlank()) {
      return null;
    }
    long value;
    try {
      Quantity q = new Quantity(text.strip());
      value = cpu ? Units.millis(q) : Units.whole(q);
    } catch (RuntimeException e) {
      throw RightsizingException.invalid(field, "a quantity such as " + (cpu ? "250m" : "256Mi"));
    }
    long max = cpu ? MAX_CPU_MILLIS : MAX_MEMORY_BYTES;
    long min = cpu ? 1 : 1024 * 1024;
    if (value < min || value > max) {
      throw RightsizingException.invalid(
          field, "between " + (cpu ? "1m and 256" : "1Mi and 1Ti") + ", is " + text.strip());
    }
    return value;
  }

  private static AuditedAction.Target target(WorkloadRef ref) {
    return new AuditedAction.Target(ref.cluster(), ref.namespace(), ref.kind().kind(), ref.name());
  }

  static String text(ContainerRequests r) {
    return "cpu "
        + (r.cpuRequest() == null ? "none" : Quantities.cpu(r.cpuRequest()))
        + ", memory "
        + (r.memoryRequest() == null ? "none" : Quantities.memory(r.memoryRequest()));
  }

  private static String diff(
      WorkloadRef ref, String container, ContainerRequests before, ContainerRequests after) {
    String path = ref.kind().plural() + "/" + ref.namespace() + "/" + ref.name();
    return "--- a/"
        + path
        + "\n+++ b/"
        + path
        + "\n@@ container "
        + container
        + " @@\n-requests: "
        + text(before)
        + limits(before)
        + "\n+requests: "
        + text(after)
        + limits(after)
        + "\n";
  }

  private static String limits(ContainerRequests r) {
    return "; limits cpu "
        + (r.cpuLimit() == null ? "none" : Quantities.cpu(r.cpuLimit()))
        + ", memory "
        + (r.memoryLimit() == null ? "none" : Quantities.memory(r.memoryLimit()));
  }
}
