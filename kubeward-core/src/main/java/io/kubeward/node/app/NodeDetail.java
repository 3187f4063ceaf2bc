package io.kubeward.node.app;

import io.kubeward.cluster.domain.NodeTaint;
import io.kubeward.cluster.domain.NodeVersions;
import io.kubeward.cluster.domain.Resources;
import io.kubeward.node.health.domain.HealthDetection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything the node page shows. {@code requested}/{@code limits} sum the effective requests and
 * limits of the pods holding the node's resources (ephemeral storage included); {@code
 * heartbeatAgeSeconds} is the age of the newest of the Lease's renew time and the conditions'
 * heartbeats, {@code null} if neither could be read.
 */
public record NodeDetail(
    String name,
    List<String> roles,
    @Nullable String zone,
    boolean unschedulable,
    Map<String, String> labels,
    List<NodeTaint> taints,
    List<Condition> conditions,
    @Nullable Long heartbeatAgeSeconds,
    NodeVersions versions,
    Resources capacity,
    Resources allocatable,
    Resources requested,
    Resources limits,
    List<NodePod> pods,
    List<HealthDetection> health) {

  /** A node condition; {@code since} is its last transition, {@code lastHeartbeat} read live. */
  public record Condition(
      String type,
      String status,
      @Nullable String reason,
      @Nullable String message,
      @Nullable Instant since,
      @Nullable Instant lastHeartbeat) {}

  /** A pod on the node with its controlling owner ({@code null}s for a bare pod). */
  public record NodePod(
      String namespace,
      String name,
      @Nullable String ownerKind,
      @Nullable String ownerName,
      @Nullable String status,
      String ready,
      int restarts,
      Resources requests) {}
}
