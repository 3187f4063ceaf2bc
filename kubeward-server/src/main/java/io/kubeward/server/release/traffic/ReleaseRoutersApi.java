package io.kubeward.server.release.traffic;

import io.kubeward.access.app.Caller;
import io.kubeward.release.app.traffic.ListTrafficRouters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Which traffic routers a Release may use on a cluster ({@code GET
 * /api/v1/clusters/{cluster}/release-routers}): for anyone who sees the cluster; the reason a
 * router cannot work there is in the caller's language.
 */
@RestController
class ReleaseRoutersApi {

  /**
   * One router: {@code replicaRatio}, {@code ingressNginx} or {@code gatewayApi}; {@code reason} is
   * empty when {@code present}.
   */
  record ReleaseRouterJson(
      String type, boolean present, String reason, boolean supportsHeaderRoutes) {}

  private final ListTrafficRouters routers;

  ReleaseRoutersApi(ListTrafficRouters routers) {
    this.routers = routers;
  }

  @Operation(summary = "Traffic routers of Releases on a cluster: present or why not, A/B support")
  @GetMapping("/api/v1/clusters/{cluster}/release-routers")
  List<ReleaseRouterJson> list(
      @Parameter(hidden = true) Caller caller, @PathVariable String cluster, Locale locale) {
    return routers.list(caller, cluster).stream()
        .map(
            r ->
                new ReleaseRouterJson(
                    r.type(), r.present(), r.reason().in(locale), r.supportsHeaderRoutes()))
        .toList();
  }
}
