package io.kubeward.hpa.app;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.Verb;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.common.Names;
import io.kubeward.hpa.domain.HpaDetails;
import io.kubeward.hpa.domain.HpaException;
import io.kubeward.hpa.domain.HpaLimits;
import io.kubeward.hpa.domain.HpaManifests;
import io.kubeward.hpa.domain.HpaSpec;
import io.kubeward.hpa.domain.HpaValidation;
import io.kubeward.hpa.domain.HpaWarning;
import io.kubeward.resource.domain.UnifiedDiff;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Use cases: create, edit and delete an HPA. Each request is validated ({@link HpaValidation}), its
 * target checked to exist (read as the caller), then sent as a server-side dry run, and only then
 * written with the caller's identity and audited with the spec's diff. An edit carries the
 * resourceVersion it was based on; a stale one is refused as a conflict by the apiserver.
 */
public final class HpaChanges {

  public static final String CREATE = "hpa.create";
  public static final String EDIT = "hpa.edit";
  public static final String DELETE = "delete";
  static final String KIND = "HorizontalPodAutoscaler";

  private final ClusterReads reads;
  private final Authorizer authorizer;
  private final AuditedAction audited;
  private final HpaGateway gateway;
  private final HpaLimits limits;

  public HpaChanges(
      ClusterReads reads,
      Authorizer authorizer,
      AuditedAction audited,
      HpaGateway gateway,
      HpaLimits limits) {
    this.reads = reads;
    this.authorizer = authorizer;
    this.audited = audited;
    this.gateway = gateway;
    this.limits = limits;
  }

  /** Creates the HPA; {@code dryRun} stops after the apiserver's dry run (nothing audited). */
  public HpaResult create(Caller caller, String cluster, HpaSpec spec, boolean dryRun) {
    List<HpaWarning> warnings = check(caller, cluster, spec);
    HorizontalPodAutoscaler desired = HpaManifests.build(withoutVersion(spec));
    if (gateway.get(caller, cluster, spec.namespace(), spec.name()).isPresent()) {
      throw HpaException.exists(spec.namespace(), spec.name());
    }
    HorizontalPodAutoscaler tried = gateway.create(caller, cluster, desired, true);
    String diff = diff(spec, null, tried);
    if (dryRun) {
      return new HpaResult(HpaDetails.spec(tried), true, diff, warnings, -1);
    }
    var recorded =
        audited.runRecorded(
            caller,
            Verb.MUTATE,
            target(cluster, spec),
            CREATE,
            () -> {
              HorizontalPodAutoscaler created = gateway.create(caller, cluster, desired, false);
              return new AuditedAction.Outcome<>(created, diff(spec, null, created));
            });
    return new HpaResult(
        HpaDetails.spec(recorded.value()), false, diff, warnings, recorded.auditId());
  }

  /** Replaces the HPA's spec; refused unless {@code spec.resourceVersion} is the live one. */
  public HpaResult edit(Caller caller, String cluster, HpaSpec spec, boolean dryRun) {
    List<HpaWarning> warnings = check(caller, cluster, spec);
    if (spec.resourceVersion() == null || spec.resourceVersion().isBlank()) {
      throw HpaException.invalid("resourceVersion");
    }
    HorizontalPodAutoscaler before =
        gateway
            .get(caller, cluster, spec.namespace(), spec.name())
            .orElseThrow(() -> HpaException.notFound(spec.namespace(), spec.name()));
    HorizontalPodAutoscaler desired = HpaManifests.build(spec);
    desired.getMetadata().setLabels(before.getMetadata().getLabels());
    desired.getMetadata().setAnnotations(before.getMetadata().getAnnotations());
    HorizontalPodAutoscaler tried = gateway.update(caller, cluster, desired, true);
    if (dryRun) {
      return new HpaResult(HpaDetails.spec(tried), true, diff(spec, before, tried), warnings, -1);
    }
    var recorded =
        audited.runRecorded(
            caller,
            Verb.MUTATE,
            target(cluster, spec),
            EDIT,
            () -> {
              HorizontalPodAutoscaler updated = gateway.update(caller, cluster, desired, false);
              return new AuditedAction.Outcome<>(updated, diff(spec, before, updated));
            });
    return new HpaResult(
        HpaDetails.spec(recorded.value()),
        false,
        diff(spec, before, recorded.value()),
        warnings,
        recorded.auditId());
  }

  /** Deletes the HPA (the workload keeps its current replica count). */
  public long delete(Caller caller, String cluster, String namespace, String name) {
    reads.known(cluster);
    if (namespace == null || !Names.isNamespace(namespace)) {
      throw HpaException.invalid("namespace");
    }
    if (name == null || !Names.isObjectName(name)) {
      throw HpaException.invalid("name");
    }
    var target = new AuditedAction.Target(cluster, namespace, KIND, name);
    return audited
        .runRecorded(
            caller,
            Verb.MUTATE,
            target,
            DELETE,
            () -> {
              if (!gateway.delete(caller, cluster, namespace, name)) {
                throw HpaException.notFound(namespace, name);
              }
              return AuditedAction.Outcome.of(Boolean.TRUE);
            })
        .auditId();
  }

  /** Validation, the caller's right to write there, and the target: the warnings. */
  private List<HpaWarning> check(Caller caller, String cluster, HpaSpec spec) {
    reads.known(cluster);
    if (spec == null) {
      throw HpaException.invalid("body");
    }
    HpaValidation.validate(spec, limits);
    authorizer.require(caller, Verb.MUTATE, cluster, spec.namespace());
    Map<String, Set<String>> requests =
        gateway
            .targetRequests(caller, cluster, spec.namespace(), spec.targetKind(), spec.targetName())
            .orElseThrow(
                () ->
                    HpaException.targetNotFound(
                        spec.targetKind(), spec.namespace(), spec.targetName()));
    return HpaValidation.warnings(spec, requests);
  }

  private String diff(HpaSpec spec, HorizontalPodAutoscaler before, HorizontalPodAutoscaler after) {
    String path = "horizontalpodautoscalers/" + spec.namespace() + "/" + spec.name();
    String diff =
        UnifiedDiff.of(
            before == null ? "" : gateway.specYaml(before),
            gateway.specYaml(after),
            before == null ? "/dev/null" : "a/" + path,
            "b/" + path);
    return diff.isEmpty() ? null : diff;
  }

  private static HpaSpec withoutVersion(HpaSpec s) {
    return new HpaSpec(
        s.namespace(),
        s.name(),
        s.targetKind(),
        s.targetName(),
        s.minReplicas(),
        s.maxReplicas(),
        s.metrics(),
        s.behavior(),
        null);
  }

  private static AuditedAction.Target target(String cluster, HpaSpec spec) {
    return new AuditedAction.Target(cluster, spec.namespace(), KIND, spec.name());
  }
}
