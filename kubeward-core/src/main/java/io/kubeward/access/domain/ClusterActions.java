package io.kubeward.access.domain;

import java.util.List;

/**
 * The cluster-scoped permission questions of Kubeward's node and maintenance actions, in one place
 * so that the actions (which require them) and the console's permissions (which show them) ask the
 * same.
 */
public final class ClusterActions {

  /** The API group and plural of Kubeward's NodeMaintenance custom resource. */
  public static final String MAINTENANCE_GROUP = "kubeward.io";

  public static final String MAINTENANCES = "nodemaintenances";

  public static final ResourceAction LIST_NODES = ResourceAction.of("list", "", "nodes", null);
  public static final ResourceAction GET_NODES = ResourceAction.of("get", "", "nodes", null);
  public static final ResourceAction PATCH_NODES = ResourceAction.of("patch", "", "nodes", null);

  /** Evictions in any namespace (a drain evicts the pods of every namespace on the node). */
  public static final ResourceAction EVICT_PODS =
      new ResourceAction("create", "", "pods", "eviction", null, null);

  public static final ResourceAction LIST_PODS = ResourceAction.of("list", "", "pods", null);
  public static final ResourceAction LIST_BUDGETS =
      ResourceAction.of("list", "policy", "poddisruptionbudgets", null);

  public static final ResourceAction LIST_MAINTENANCES =
      ResourceAction.of("list", MAINTENANCE_GROUP, MAINTENANCES, null);
  public static final ResourceAction GET_MAINTENANCES =
      ResourceAction.of("get", MAINTENANCE_GROUP, MAINTENANCES, null);
  public static final ResourceAction CREATE_MAINTENANCES =
      ResourceAction.of("create", MAINTENANCE_GROUP, MAINTENANCES, null);
  public static final ResourceAction PATCH_MAINTENANCES =
      ResourceAction.of("patch", MAINTENANCE_GROUP, MAINTENANCES, null);

  /**
   * What Kubeward's maintenance controller does with its own rights (cordon, evict): whoever asks
   * for a maintenance or a drain must be allowed to do it themselves (Kubeward never lends its
   * rights, ADR 0013).
   */
  public static final List<ResourceAction> DRAIN_RIGHTS = List.of(PATCH_NODES, EVICT_PODS);

  /** What a drain preview reads live: the node, the pods of every namespace, their budgets. */
  public static final List<ResourceAction> DRAIN_PREVIEW_READS =
      List.of(GET_NODES, LIST_PODS, LIST_BUDGETS);

  private ClusterActions() {}

  /** Whether {@code action} only reads ({@code get}, {@code list}, {@code watch}). */
  public static boolean reads(ResourceAction action) {
    return switch (action.verb()) {
      case "get", "list", "watch" -> true;
      default -> false;
    };
  }
}
