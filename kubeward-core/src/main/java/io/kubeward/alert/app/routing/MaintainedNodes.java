package io.kubeward.alert.app.routing;

import java.time.Instant;
import java.util.Set;

/**
 * Port: the nodes of a cluster under an active NodeMaintenance at an instant (one that is running,
 * or not finished and in one of its windows). Their alerts (a {@code node} label naming them) are
 * muted while the policy's {@code muteDuringMaintenance} is on. Never throws: a cluster whose
 * maintenances cannot be read answers what it last knew, or nothing.
 */
public interface MaintainedNodes {

  MaintainedNodes NONE = (cluster, now) -> Set.of();

  Set<String> nodes(String cluster, Instant now);
}
