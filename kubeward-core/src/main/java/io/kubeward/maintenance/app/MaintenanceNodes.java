package io.kubeward.maintenance.app;

import io.kubeward.maintenance.domain.MaintenanceAction;
import io.kubeward.maintenance.domain.NodeSelector;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: what a maintenance does to and reads from the nodes of one cluster. Cordoning marks the
 * node with {@link #CORDONED_BY} so that at the end only the nodes this maintenance cordoned are
 * made schedulable again.
 */
public interface MaintenanceNodes {

  String CORDONED_BY = io.kubeward.node.app.NodeGateway.CORDONED_BY;

  /** The names of the nodes matching {@code selector}, sorted. */
  List<String> select(NodeSelector selector);

  boolean exists(String node);

  /**
   * Makes the node unschedulable and marks it as cordoned by {@code maintenance}, unless it is
   * unschedulable already without that mark (then it is left alone).
   *
   * @return whether the node is now cordoned by {@code maintenance}
   */
  boolean cordon(String node, String maintenance);

  /**
   * Makes the node schedulable again if (and only if) {@code maintenance} cordoned it.
   *
   * @return whether it was made schedulable
   */
  boolean uncordon(String node, String maintenance);

  /**
   * Removes the {@link #CORDONED_BY} marker if (and only if) it names {@code maintenance}, leaving
   * the node's schedulability as it is (a deleted maintenance's deliberate cordon becomes the
   * operator's).
   *
   * @return whether a marker was removed
   */
  boolean releaseMarker(String node, String maintenance);

  boolean isReady(String node);

  /** The node's annotations (empty if it is gone). */
  Map<String, String> annotations(String node);

  /** The status (True/False/Unknown) of the node's condition {@code type}, if it has one. */
  Optional<String> conditionStatus(String node, String type);

  /** The pods on the node matching {@code selector} (namespace/name), finished ones excluded. */
  List<String> podsMatching(String node, NodeSelector selector);

  /** A Job's outcome. */
  enum JobState {
    RUNNING,
    SUCCEEDED,
    FAILED
  }

  /**
   * Creates the Job {@code name} pinned to {@code node} if it does not exist yet, and returns its
   * state.
   */
  JobState runJob(String name, String node, MaintenanceAction.JobTemplate job);

  /** What {@link #cleanupJob} did. */
  enum JobCleanup {
    NONE,
    DELETED,
    LEFT_RUNNING
  }

  /**
   * Deletes the Job {@code name} if it finished; a running one is left to finish and set to delete
   * itself some time after ({@code ttlSecondsAfterFinished}).
   */
  JobCleanup cleanupJob(String name);
}
