package io.kubeward.server.rbac;

import io.kubeward.access.app.Caller;
import io.kubeward.rbac.app.ExploreRbac;
import io.kubeward.rbac.app.ExploreRbac.RequestQuery;
import io.kubeward.rbac.app.ExploreRbac.SubjectQuery;
import io.kubeward.rbac.domain.CanIAnswer;
import io.kubeward.rbac.domain.SubjectRules;
import io.kubeward.rbac.domain.WhoCanAnswer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The RBAC explorer (issue 17, ADR 0046): effective rules of a user, group or service account, who
 * can make a request, can-i, and risky bindings. Every answer is computed from the Roles,
 * ClusterRoles and bindings read live with the caller's identity: a caller who may not list them
 * gets the cluster's refusal as a problem.
 */
@RestController
@RequestMapping("/api/v1/clusters/{cluster}/rbac")
class RbacController {

  private static final String SUBJECT =
      " kind: user, group or serviceaccount; name: at most 512 characters; subjectNamespace: the"
          + " service account's namespace; groups (users only, at most 64): groups the user is"
          + " known to have (system:authenticated is always added).";
  private static final String REQUEST =
      " verb and resource are required (resource may be written pods/exec); apiGroup (\"\" is the"
          + " core group), subresource, namespace (none: cluster-scoped or all namespaces) and"
          + " resourceName are optional.";
  private static final String NEEDS = " Needs list on roles, clusterroles and their bindings.";

  private final ExploreRbac explore;
  private final MessageSource messages;

  RbacController(ExploreRbac explore, MessageSource messages) {
    this.explore = explore;
    this.messages = messages;
  }

  @Operation(
      summary = "The effective rules of a user, group or service account",
      description =
          "Every rule its bindings grant, cluster-wide (namespace null) first, with the binding and"
              + " role. master is true for members of system:masters, whom the apiserver allows"
              + " everything without RBAC."
              + SUBJECT
              + NEEDS)
  @GetMapping("/rules")
  SubjectRules rules(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String subjectNamespace,
      @RequestParam(required = false) List<String> groups) {
    return explore.rules(caller, cluster, new SubjectQuery(kind, name, subjectNamespace, groups));
  }

  @Operation(
      summary = "Who may make a request: the subjects RBAC allows, with the granting bindings",
      description =
          "RoleBindings count only in their namespace, ClusterRoleBindings everywhere."
              + " Members of system:masters are also allowed, by the apiserver."
              + REQUEST
              + NEEDS)
  @GetMapping("/who-can")
  WhoCanAnswer whoCan(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @RequestParam(required = false) String verb,
      @RequestParam(required = false) String resource,
      @RequestParam(required = false) String apiGroup,
      @RequestParam(required = false) String subresource,
      @RequestParam(required = false) String namespace,
      @RequestParam(required = false) String resourceName) {
    return explore.whoCan(
        caller,
        cluster,
        new RequestQuery(verb, apiGroup, resource, subresource, namespace, resourceName));
  }

  @Operation(
      summary = "Whether a subject may make a request (as kubectl auth can-i --as)",
      description =
          "allowed with the rules that grant it (grantedBy), or master."
              + SUBJECT
              + REQUEST
              + NEEDS)
  @GetMapping("/can-i")
  CanIAnswer canI(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String subjectNamespace,
      @RequestParam(required = false) List<String> groups,
      @RequestParam(required = false) String verb,
      @RequestParam(required = false) String resource,
      @RequestParam(required = false) String apiGroup,
      @RequestParam(required = false) String subresource,
      @RequestParam(required = false) String namespace,
      @RequestParam(required = false) String resourceName) {
    return explore.canI(
        caller,
        cluster,
        new SubjectQuery(kind, name, subjectNamespace, groups),
        new RequestQuery(verb, apiGroup, resource, subresource, namespace, resourceName));
  }

  @Operation(
      summary = "Bindings that grant risky rules, worst first",
      description =
          "Risks: cluster-admin, wildcard-verbs, wildcard-resources, secrets-read, pods-exec,"
              + " escalate, bind, impersonate (the same model as the security posture checks),"
              + " each with its explanation in the caller's language. Kubernetes' own system:"
              + " bindings only with includeSystem=true."
              + NEEDS)
  @GetMapping("/risky")
  List<RiskyBindingView> risky(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @RequestParam(defaultValue = "false") boolean includeSystem,
      Locale locale) {
    return explore.risky(caller, cluster, includeSystem).stream()
        .map(
            r ->
                RiskyBindingView.of(
                    r, wire -> messages.getMessage("rbac.risk." + wire, null, wire, locale)))
        .toList();
  }
}
