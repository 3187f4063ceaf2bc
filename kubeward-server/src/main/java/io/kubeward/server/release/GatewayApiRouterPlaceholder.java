// PLACEHOLDER: the lead deletes this at merge
package io.kubeward.server.release;

import io.kubeward.release.app.TrafficRouter;
import io.kubeward.release.domain.ReleaseStepException;
import io.kubeward.release.domain.RouterPresence;
import io.kubeward.release.domain.TrafficRouting;
import io.kubeward.release.domain.TrafficSplit;
import io.kubeward.release.domain.TrafficTarget;
import java.util.List;
import org.springframework.stereotype.Component;

/** Until the traffic part is merged: the gatewayApi router is never present. */
@Component
class GatewayApiRouterPlaceholder implements TrafficRouter {

  @Override
  public String type() {
    return "gatewayApi";
  }

  @Override
  public RouterPresence presence(String cluster) {
    return new RouterPresence(type(), false, "router not available in this build");
  }

  @Override
  public boolean supportsHeaderRoutes() {
    return true;
  }

  @Override
  public List<String> validate(TrafficRouting routing) {
    return List.of();
  }

  @Override
  public void apply(String cluster, TrafficTarget target, TrafficSplit split) {
    throw new ReleaseStepException("RouterNotPresent", "router not available", false);
  }

  @Override
  public TrafficSplit observe(String cluster, TrafficTarget target) {
    return TrafficSplit.STABLE;
  }

  @Override
  public void restore(String cluster, TrafficTarget target) {}
}
