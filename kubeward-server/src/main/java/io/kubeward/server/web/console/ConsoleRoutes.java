package io.kubeward.server.web.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The console is a single-page app (module {@code kubeward-ui}, served from {@code
 * META-INF/resources}): a refresh or a bookmark on one of its routes must load {@code index.html},
 * which then shows the route. The list mirrors the top-level routes of {@code
 * kubeward-ui/src/router/index.ts}; API paths never match.
 */
@Controller
class ConsoleRoutes {

  @GetMapping({
    "/login",
    "/password",
    "/overview",
    "/nodes",
    "/nodes/{name}",
    "/maintenances",
    "/maintenances/{name}",
    "/node-health",
    "/namespaces",
    "/workloads",
    "/workloads/{kind}",
    "/pods",
    "/network",
    "/network/{kind}",
    "/config",
    "/config/{kind}",
    "/events",
    "/yaml",
    "/usage",
    "/usage/{tab}",
    "/promql",
    "/logs",
    "/users",
    "/audit",
    "/objects/{kind}/{name}",
    "/findings",
    "/terminal/{namespace}/{pod}",
    "/cluster-settings",
    // --- alerting channels ---
    "/alerts/channels",
    // --- alerting routing ---
    "/alerts/silences",
    "/alerts/policy",
    // --- alerting engine ---
    "/alerts",
    "/alerts/history",
    "/alerts/{fingerprint}",
    // --- alerting rules ---
    "/alerts/rules",
    // --- issue 15 workloads ---
    "/workloads/{kind}/{namespace}/{name}",
    // --- issue 15 release ---
    "/releases",
    "/releases/{namespace}/{name}",
    // --- issue 16 backup
    "/backups",
    "/backups/{namespace}/{name}",
    // --- issue 16 archive ---
    "/backups/locations",
    // --- issue 16 etcd
    "/etcd",
    // --- issue 16 restore ---
    "/restores",
    // --- issue 17 rbac ---
    "/rbac",
    "/rbac/{tab}",
    // --- end issue 17 rbac ---
    // --- issue 17 tenancy ---
    "/team-spaces",
    "/team-spaces/{namespace}/limits",
    "/network-policies/{namespace}/{pod}",
    // --- end issue 17 tenancy ---
    // --- issue 17 hpa ---
    "/hpas",
    "/hpas/{namespace}/{name}",
    // --- end issue 17 hpa ---
    // --- issue 17 rightsizing ---
    "/rightsizing",
    // --- end issue 17 rightsizing ---
    // --- issue 17 capacity ---
    "/capacity",
    // --- end issue 17 capacity ---
    // --- issue 17 posture ---
    "/posture",
    // --- end issue 17 posture ---
    // --- issue 18 helm ---
    "/apps",
    "/apps/{namespace}/{name}",
    // --- end issue 18 helm ---
    // --- issue 18 upgrade ---
    "/upgrade",
    // --- end issue 18 upgrade ---
    // --- issue 19 fleet ---
    "/problems"
    // --- end issue 19 fleet ---
  })
  String index() {
    return "forward:/index.html";
  }
}
