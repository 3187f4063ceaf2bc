package io.kubeward.server.tenancy;

import io.kubeward.access.app.Caller;
import io.kubeward.tenancy.app.CreateTeamSpace;
import io.kubeward.tenancy.app.ListTeamSpaces;
import io.kubeward.tenancy.app.NamespaceLimits;
import io.kubeward.tenancy.app.TeamSpaceResult;
import io.kubeward.tenancy.app.TeamTemplateCatalog;
import io.kubeward.tenancy.domain.LimitRangeSpec;
import io.kubeward.tenancy.domain.LimitsPreview;
import io.kubeward.tenancy.domain.QuotaUsage;
import io.kubeward.tenancy.domain.TeamSpaceRequest;
import io.kubeward.tenancy.domain.TeamTemplate;
import io.kubeward.tenancy.domain.TenancyException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Team spaces (namespaces from a template), quota utilisation, and quota / limit range edits with a
 * violation preview (ADR 0045). Every write is made with the caller's identity and audited.
 */
@RestController
@RequestMapping("/api/v1/clusters/{cluster}/tenancy")
class TenancyController {

  private final CreateTeamSpace create;
  private final ListTeamSpaces list;
  private final NamespaceLimits limits;
  private final TeamTemplateCatalog templates;

  TenancyController(
      CreateTeamSpace create,
      ListTeamSpaces list,
      NamespaceLimits limits,
      TeamTemplateCatalog templates) {
    this.create = create;
    this.list = list;
    this.limits = limits;
    this.templates = templates;
  }

  /** A team space to create; {@code dryRun} only checks and lists the objects. */
  record TeamSpaceBody(
      String name,
      @Nullable String template,
      @Nullable List<String> users,
      @Nullable List<String> groups,
      @Nullable Map<String, String> quota,
      @Nullable String podSecurity,
      @Nullable String teamRole,
      @Nullable Boolean dryRun) {}

  record QuotaBody(Map<String, String> hard) {}

  record LimitRangeBody(
      @Nullable Map<String, String> defaultLimits,
      @Nullable Map<String, String> defaultRequests,
      @Nullable Map<String, String> min,
      @Nullable Map<String, String> max,
      @Nullable Map<String, String> maxLimitRequestRatio) {

    LimitRangeSpec spec() {
      return new LimitRangeSpec(defaultLimits, defaultRequests, min, max, maxLimitRequestRatio);
    }
  }

  record Applied(String namespace, long auditId) {}

  @Operation(summary = "The team templates")
  @GetMapping("/templates")
  List<TeamTemplate> templates(
      @Parameter(hidden = true) Caller caller, @PathVariable String cluster) {
    return templates.all();
  }

  @Operation(summary = "Save an admin team template (administrators; built-in names refused)")
  @PutMapping("/templates/{name}")
  TeamTemplate saveTemplate(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String name,
      @RequestBody TeamTemplate template) {
    if (template == null || !name.equals(template.name())) {
      throw TenancyException.invalid("template.name", "the body's name must be " + name);
    }
    return templates.save(caller, template);
  }

  @Operation(summary = "Delete an admin team template (administrators)")
  @DeleteMapping("/templates/{name}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void deleteTemplate(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String name) {
    templates.delete(caller, name);
  }

  @Operation(summary = "The team spaces (namespaces created from a template)")
  @GetMapping("/spaces")
  List<ListTeamSpaces.TeamSpace> spaces(
      @Parameter(hidden = true) Caller caller, @PathVariable String cluster) {
    return list.list(caller, cluster);
  }

  @Operation(
      summary =
          "Create a team space as the caller: dry run of every object first, all or nothing"
              + " (dryRun: only check the namespace and list the objects)")
  @PostMapping("/spaces")
  TeamSpaceResult createSpace(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @RequestBody TeamSpaceBody body) {
    if (body == null) {
      throw TenancyException.invalid("body", "a team space is required");
    }
    TeamSpaceRequest request =
        new TeamSpaceRequest(
            body.name(),
            body.template(),
            body.users(),
            body.groups(),
            body.quota(),
            body.podSecurity(),
            body.teamRole());
    return Boolean.TRUE.equals(body.dryRun())
        ? create.preview(caller, cluster, request)
        : create.create(caller, cluster, request);
  }

  @Operation(summary = "Quota utilisation (used / hard per resource) per namespace")
  @GetMapping("/quotas")
  List<QuotaUsage> quotas(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @RequestParam(required = false) @Nullable String namespace) {
    return limits.usage(caller, cluster, namespace);
  }

  @Operation(summary = "Which existing workloads a proposed quota would refuse, in words")
  @PostMapping("/namespaces/{namespace}/quota/preview")
  LimitsPreview previewQuota(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @RequestBody QuotaBody body) {
    return limits.previewQuota(caller, cluster, namespace, body == null ? null : body.hard());
  }

  @Operation(summary = "Apply the team quota (team-quota) as the caller")
  @PutMapping("/namespaces/{namespace}/quota")
  Applied applyQuota(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @RequestBody QuotaBody body) {
    return new Applied(
        namespace,
        limits.applyQuota(caller, cluster, namespace, body == null ? null : body.hard()));
  }

  @Operation(summary = "Which existing containers a proposed limit range would refuse, in words")
  @PostMapping("/namespaces/{namespace}/limits/preview")
  LimitsPreview previewLimits(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @RequestBody LimitRangeBody body) {
    return limits.previewLimitRange(caller, cluster, namespace, spec(body));
  }

  @Operation(summary = "Apply the team limit range (team-limits) as the caller")
  @PutMapping("/namespaces/{namespace}/limits")
  Applied applyLimits(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @RequestBody LimitRangeBody body) {
    return new Applied(namespace, limits.applyLimitRange(caller, cluster, namespace, spec(body)));
  }

  private static LimitRangeSpec spec(LimitRangeBody body) {
    if (body == null) {
      throw TenancyException.invalid("body", "a limit range is required");
    }
    return body.spec();
  }
}
