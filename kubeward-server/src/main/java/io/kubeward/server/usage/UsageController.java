package io.kubeward.server.usage;

import io.kubeward.access.app.Caller;
import io.kubeward.usage.app.GetUsage;
import io.kubeward.usage.domain.UsageNamespaceList;
import io.kubeward.usage.domain.UsageNodeList;
import io.kubeward.usage.domain.UsageOverview;
import io.kubeward.usage.domain.UsagePodList;
import io.kubeward.usage.domain.UsageSource;
import io.kubeward.usage.domain.UsageWorkloadList;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Live usage next to requests, limits and allocatable (issue 12, ADR 0019). CPU in millicores,
 * memory in bytes, times as ISO-8601 instants; {@code used} is {@code null} where no metrics source
 * answers ({@code source.kind = none}, with a message in the caller's language and the command that
 * installs metrics-server) or the caller may not read those metrics. Never a 500 for a missing
 * metrics API.
 */
@RestController
@RequestMapping("/api/v1/clusters/{cluster}/usage")
class UsageController {

  private static final String UNITS =
      " CPU in millicores, memory in bytes, times ISO-8601; used is null without a metrics source"
          + " (source.kind none) or without the right to list metrics.k8s.io for it.";

  private final GetUsage usage;
  private final MessageSource messages;

  UsageController(GetUsage usage, MessageSource messages) {
    this.usage = usage;
    this.messages = messages;
  }

  @Operation(
      summary =
          "The cluster's usage: used vs requested vs limits vs allocatable, top nodes and"
              + " namespaces",
      description = "topNodes: 5 by CPU used / allocatable; topNamespaces: 5 by CPU used." + UNITS)
  @GetMapping
  UsageOverview overview(
      @Parameter(hidden = true) Caller caller, @PathVariable String cluster, Locale locale) {
    UsageOverview overview = usage.overview(caller, cluster);
    return overview.withSource(translate(overview.source(), locale));
  }

  @Operation(
      summary =
          "Every node's usage, requests, limits, allocatable and over-commit (limits /"
              + " allocatable)",
      description = "Needs list nodes; usage needs list metrics.k8s.io nodes." + UNITS)
  @GetMapping("/nodes")
  UsageNodeList nodes(
      @Parameter(hidden = true) Caller caller, @PathVariable String cluster, Locale locale) {
    UsageNodeList nodes = usage.nodes(caller, cluster);
    return nodes.withSource(translate(nodes.source(), locale));
  }

  @Operation(
      summary = "Each namespace's usage, requests and limits, with its ResourceQuotas",
      description = "Namespaces where the caller may list pods." + UNITS)
  @GetMapping("/namespaces")
  UsageNamespaceList namespaces(
      @Parameter(hidden = true) Caller caller, @PathVariable String cluster, Locale locale) {
    UsageNamespaceList namespaces = usage.namespaces(caller, cluster);
    return namespaces.withSource(translate(namespaces.source(), locale));
  }

  @Operation(
      summary =
          "The usage of each workload of a namespace (Deployment, StatefulSet, DaemonSet,"
              + " CronJob, Job, or a bare Pod)",
      description = "Pods are grouped by their top controlling owner." + UNITS)
  @GetMapping("/namespaces/{namespace}/workloads")
  UsageWorkloadList workloads(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      Locale locale) {
    UsageWorkloadList workloads = usage.workloads(caller, cluster, namespace);
    return workloads.withSource(translate(workloads.source(), locale));
  }

  @Operation(
      summary =
          "A page of pods' usage with their containers and the one closest to its memory"
              + " limit",
      description =
          "sort: name (namespace, name; default), cpu or memory (most used first). limit: 1 to"
              + " 500 (50). continue: the previous page's token."
              + UNITS)
  @GetMapping("/pods")
  UsagePodList pods(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @RequestParam(required = false) String namespace,
      @RequestParam(required = false) String labelSelector,
      @RequestParam(required = false) String node,
      @RequestParam(required = false) String sort,
      @RequestParam(required = false) String limit,
      @RequestParam(name = "continue", required = false) String continueToken,
      Locale locale) {
    UsagePodList pods =
        usage.pods(
            caller,
            cluster,
            new GetUsage.PodQuery(namespace, labelSelector, node, sort, limit, continueToken));
    return pods.withSource(translate(pods.source(), locale));
  }

  /** The source's message in the caller's language ({@code usage.source.<reason>}). */
  private UsageSource translate(UsageSource source, Locale locale) {
    if (source.reason() == null) {
      return source;
    }
    return source.withMessage(
        messages.getMessage(
            "usage.source." + source.reason(),
            new Object[] {source.installHint()},
            source.message(),
            locale));
  }
}
