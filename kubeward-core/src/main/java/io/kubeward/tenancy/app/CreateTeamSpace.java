package io.kubeward.tenancy.app;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.Verb;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.audit.app.AuditedAction.Outcome;
import io.kubeward.audit.app.AuditedAction.Target;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.tenancy.domain.TeamSpacePlan;
import io.kubeward.tenancy.domain.TeamSpaceRequest;
import io.kubeward.tenancy.domain.TeamTemplate;
import io.kubeward.tenancy.domain.TenancyException;
import java.util.ArrayList;
import java.util.List;

/**
 * Use case: create a team space as the caller, all or nothing, in named steps: (1) build the
 * objects from the template; (2) dry-run the Namespace on the server; (3) create the Namespace; (4)
 * dry-run every other object in it; (5) create them; on any refusal after step 3, delete the
 * Namespace again (which takes everything in it along), so no half-applied team space remains. The
 * objects inside a namespace cannot be dry-run before the namespace exists (the apiserver's
 * NamespaceLifecycle admission refuses them), hence the order (ADR 0045). Audited as {@code
 * tenancy.create}, with the objects as the change.
 */
public final class CreateTeamSpace {

  public static final String CREATE = "tenancy.create";

  private final ClusterReads reads;
  private final AuditedAction audited;
  private final TeamSpaceGateway gateway;
  private final TeamTemplateCatalog templates;

  public CreateTeamSpace(
      ClusterReads reads,
      AuditedAction audited,
      TeamSpaceGateway gateway,
      TeamTemplateCatalog templates) {
    this.reads = reads;
    this.audited = audited;
    this.gateway = gateway;
    this.templates = templates;
  }

  /** The objects a request would create, checked by the apiserver only for the Namespace. */
  public TeamSpaceResult preview(Caller caller, String cluster, TeamSpaceRequest request) {
    ManagedCluster managed = reads.known(cluster);
    TeamTemplate template = templates.get(request.template());
    List<HasMetadata> objects = TeamSpacePlan.objects(request, template);
    gateway.dryRunCreate(caller, managed.name(), objects.get(0));
    return new TeamSpaceResult(
        managed.name(), request.name(), template.name(), true, names(objects), -1);
  }

  public TeamSpaceResult create(Caller caller, String cluster, TeamSpaceRequest request) {
    ManagedCluster managed = reads.known(cluster);
    TeamTemplate template = templates.get(request.template());
    List<HasMetadata> objects = TeamSpacePlan.objects(request, template);
    Target target = new Target(managed.name(), request.name(), "Namespace", request.name());
    AuditedAction.Recorded<TeamSpaceResult> recorded =
        audited.runRecorded(
            caller,
            Verb.MUTATE,
            target,
            CREATE,
            () -> {
              apply(caller, managed.name(), objects);
              TeamSpaceResult result =
                  new TeamSpaceResult(
                      managed.name(), request.name(), template.name(), false, names(objects), -1);
              return new Outcome<>(result, change(template, objects));
            });
    TeamSpaceResult value = recorded.value();
    return new TeamSpaceResult(
        value.cluster(),
        value.namespace(),
        value.template(),
        false,
        value.objects(),
        recorded.auditId());
  }

  private void apply(Caller caller, String cluster, List<HasMetadata> objects) {
    HasMetadata namespace = objects.get(0);
    List<HasMetadata> inside = objects.subList(1, objects.size());
    gateway.dryRunCreate(caller, cluster, namespace);
    gateway.create(caller, cluster, namespace);
    HasMetadata current = namespace;
    try {
      for (HasMetadata object : inside) {
        current = object;
        gateway.dryRunCreate(caller, cluster, object);
      }
      for (HasMetadata object : inside) {
        current = object;
        gateway.create(caller, cluster, object);
      }
    } catch (RuntimeException refused) {
      boolean removed = gateway.delete(caller, cluster, namespace);
      throw TenancyException.createFailed(
          namespace.getMetadata().getName(),
          current.getKind() + "/" + current.getMetadata().getName(),
          refused.getMessage(),
          removed);
    }
  }

  static List<String> names(List<HasMetadata> objects) {
    List<String> out = new ArrayList<>();
    for (HasMetadata object : objects) {
      out.add(object.getKind() + "/" + object.getMetadata().getName());
    }
    return out;
  }

  private static String change(TeamTemplate template, List<HasMetadata> objects) {
    StringBuilder out = new StringBuilder("template: " + template.name() + "\n");
    for (String name : names(objects)) {
      out.append("+ ").append(name).append('\n');
    }
    return out.toString();
  }
}
