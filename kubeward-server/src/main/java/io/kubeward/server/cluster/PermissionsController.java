package io.kubeward.server.cluster;

import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.AccessRule;
import io.kubeward.cluster.app.CallerPermissions;
import io.kubeward.cluster.app.GetPermissions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the caller may do in a cluster, so that the console shows only the actions the caller can
 * perform and the read-only banner (ADR 0013). It never allows anything by itself.
 */
@RestController
@RequestMapping("/api/v1/clusters/{cluster}")
class PermissionsController {

  private final GetPermissions permissions;
  private final AccessReasons reasons;

  PermissionsController(GetPermissions permissions, AccessReasons reasons) {
    this.permissions = permissions;
    this.reasons = reasons;
  }

  @Schema(
      name = "Permissions",
      description =
          "What the caller may do in one cluster, for showing or hiding actions. Every request is"
              + " still decided when it is made, by the cluster (impersonation) or, in the"
              + " read-only mode, by Kubeward's grants.")
  record Permissions(
      @Schema(description = "The cluster") String cluster,
      @Schema(
              description = "The namespace the rules are about; null when none was asked",
              nullable = true)
          @Nullable String namespace,
      @Schema(description = "How Kubeward acts for users in this cluster, and why") Access access,
      @Schema(
              description =
                  "cluster: the cluster's own answer for the caller's identity (impersonated"
                      + " SelfSubjectRulesReview and access reviews); grants: derived from the"
                      + " caller's Kubeward grants because the cluster is read-only in Kubeward",
              allowableValues = {"cluster", "grants"})
          String source,
      @Schema(
              description =
                  "What the caller may do in the namespace (cluster-wide rights included);"
                      + " empty when no namespace was asked")
          List<Rule> rules,
      @Schema(
              description =
                  "The cluster could not list every rule (e.g. a webhook authorizer): an action"
                      + " missing from the rules may still be allowed")
          boolean incomplete,
      @Schema(description = "Why the rules are incomplete", nullable = true)
          @Nullable String evaluationError,
      @Schema(description = "The console's cluster-scoped actions") Actions actions) {

    static Permissions of(CallerPermissions p) {
      return new Permissions(
          p.cluster(),
          p.namespace(),
          new Access(
              p.access().mode(),
              p.access().reason(),
              p.access().checkedAt(),
              p.access().code(),
              p.access().missing()),
          p.source(),
          p.rules().stream().map(Rule::of).toList(),
          p.incomplete(),
          p.evaluationError(),
          Actions.of(p.actions()));
    }
  }

  @Schema(name = "ClusterAccess", description = "How Kubeward acts for users in a cluster")
  record Access(
      @Schema(
              description =
                  "impersonate: requests carry the user's identity and the cluster decides;"
                      + " read-only: Kubeward may not impersonate there, so only Kubeward"
                      + " administrators change anything",
              allowableValues = {"impersonate", "read-only"})
          String mode,
      @Schema(description = "Why, for the console's banner, in the caller's language")
          String reason,
      @Schema(
              description = "When it was last checked; null before the first check",
              nullable = true)
          @Nullable Instant checkedAt,
      @Schema(
              description = "Why, as a stable code",
              allowableValues = {"impersonating", "impersonation-not-granted", "not-checked"})
          String code,
      @Schema(
              description =
                  "For impersonation-not-granted: the rights Kubeward lacks (e.g. impersonate"
                      + " users)")
          List<String> missing) {}

  @Schema(
      name = "PermissionRule",
      description =
          "verbs on resources (plural, or resource/subresource) of apiGroups (\"\" = core);"
              + " \"*\" stands for all; resourceNames, when not empty, limits the rule to those"
              + " objects")
  record Rule(
      List<String> verbs,
      List<String> apiGroups,
      List<String> resources,
      List<String> resourceNames) {

    static Rule of(AccessRule rule) {
      return new Rule(rule.verbs(), rule.apiGroups(), rule.resources(), rule.resourceNames());
    }
  }

  @Schema(name = "PermissionActions", description = "The console's cluster-scoped actions")
  record Actions(
      @Schema(description = "See the nodes (list nodes)") boolean listNodes,
      @Schema(description = "Cordon and uncordon nodes (get and patch nodes)") boolean cordonNodes,
      @Schema(description = "Change node labels and taints (get and patch nodes)")
          boolean editNodeMetadata,
      @Schema(
              description =
                  "Preview a drain (get nodes; list pods and poddisruptionbudgets in all"
                      + " namespaces)")
          boolean previewDrains,
      @Schema(
              description =
                  "Drain a node: create nodemaintenances, and patch nodes and create"
                      + " pods/eviction, which Kubeward's controller then does with its own"
                      + " rights and so requires of the caller")
          boolean drainNodes,
      @Schema(description = "See the NodeMaintenances (list nodemaintenances)")
          boolean listMaintenances,
      @Schema(description = "Create a NodeMaintenance (as drainNodes)") boolean createMaintenances,
      @Schema(
              description =
                  "Pause, resume and cancel a NodeMaintenance (get and patch nodemaintenances)")
          boolean changeMaintenances) {

    static Actions of(CallerPermissions.Actions a) {
      return new Actions(
          a.listNodes(),
          a.cordonNodes(),
          a.editNodeMetadata(),
          a.previewDrains(),
          a.drainNodes(),
          a.listMaintenances(),
          a.createMaintenances(),
          a.changeMaintenances());
    }
  }

  @Operation(
      summary = "What the caller may do in the cluster, to hide the actions they cannot perform",
      description =
          "Where Kubeward impersonates, the cluster answers for the caller's identity: the rules"
              + " in ?namespace= from a SelfSubjectRulesReview and the cluster-scoped actions"
              + " from access reviews (remembered like every access review and forgotten when"
              + " the cluster's RBAC changes). In the read-only mode the answer follows the"
              + " caller's Kubeward grants (administrators: everything). 400"
              + " list.invalid-parameter for a malformed namespace; 403 access.denied when the"
              + " cluster does not appear to the caller.")
  @GetMapping("/permissions")
  Permissions permissions(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @Parameter(description = "The namespace whose rules are wanted; none: no rules")
          @RequestParam(required = false)
          @Nullable String namespace,
      Locale locale) {
    CallerPermissions answer = permissions.of(caller, cluster, namespace);
    return Permissions.of(answer.withAccess(reasons.translate(answer.access(), locale)));
  }
}
