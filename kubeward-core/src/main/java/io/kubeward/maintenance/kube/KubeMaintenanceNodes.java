package io.kubeward.maintenance.kube;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kubeward.access.app.Caller;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.NodeConditionView;
import io.kubeward.cluster.domain.NodeView;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.cluster.kube.KubeErrors;
import io.kubeward.maintenance.app.MaintenanceNodes;
import io.kubeward.maintenance.domain.MaintenanceAction;
import io.kubeward.maintenance.domain.NodeSelector;
import io.kubeward.node.app.NodeGateway;
import io.kubeward.node.app.NodeNotFoundException;
import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Nodes, pods and Jobs of one cluster as maintenance needs them, as Kubeward. Node state comes from
 * the shared cache (selection, readiness, conditions); cordon and uncordon go through the one node
 * adapter ({@link NodeGateway}), deciding on the node read live (the cordon mark must be fresh) and
 * writing only to the version read, so that a person's change in between wins.
 */
public final class KubeMaintenanceNodes implements MaintenanceNodes {

  private static final Caller MAINTENANCE = Caller.controller("maintenance");

  private final String cluster;
  private final ClusterClients clients;
  private final NodeGateway nodes;
  private final ManagedCluster cache;
  private final String jobNamespace;

  public KubeMaintenanceNodes(
      ManagedCluster cache, ClusterClients clients, NodeGateway nodes, String jobNamespace) {
    this.cluster = cache.name();
    this.cache = cache;
    this.clients = clients;
    this.nodes = nodes;
    this.jobNamespace = jobNamespace;
  }

  @Override
  public List<String> select(NodeSelector selector) {
    List<String> names = new ArrayList<>();
    for (KubeObjectView view : cache.views(CachedKind.NODES).all()) {
      if (selector == null || selector.matches(((NodeView) view).labels())) {
        names.add(view.name());
      }
    }
    names.sort(null);
    return names;
  }

  @Override
  public boolean exists(String node) {
    return cached(node) != null;
  }

  @Override
  public boolean cordon(String node, String maintenance) {
    Optional<NodeGateway.LiveNode> current = live(node);
    if (current.isEmpty()) {
      return false;
    }
    NodeGateway.LiveNode found = current.get();
    if (found.view().unschedulable()) {
      return maintenance.equals(found.cordonedBy());
    }
    nodes.setCordon(MAINTENANCE, cluster, node, true, maintenance, found.view().resourceVersion());
    return true;
  }

  @Override
  public boolean uncordon(String node, String maintenance) {
    Optional<NodeGateway.LiveNode> current = live(node);
    if (current.isEmpty() || !maintenance.equals(current.get().cordonedBy())) {
      return false;
    }
    nodes.setCordon(
        MAINTENANCE, cluster, node, false, null, current.get().view().resourceVersion());
    return true;
  }

  @Override
  public boolean releaseMarker(String node, String maintenance) {
    Optional<NodeGateway.LiveNode> current = live(node);
    if (current.isEmpty() || !maintenance.equals(current.get().cordonedBy())) {
      return false;
    }
    NodeGateway.LiveNode found = current.get();
    nodes.setCordon(
        MAINTENANCE,
        cluster,
        node,
        found.view().unschedulable(),
        null,
        found.view().resourceVersion());
    return true;
  }

  private Optional<NodeGateway.LiveNode> live(String node) {
    try {
      return nodes.get(MAINTENANCE, cluster, node);
    } catch (NodeNotFoundException e) {
      return Optional.empty();
    }
  }

  @Override
  public boolean isReady(String node) {
    NodeView view = cached(node);
    return view != null && view.ready();
  }

  @Override
  public Map<String, String> annotations(String node) {
    Node current = KubeErrors.call(cluster, () -> client().nodes().withName(node).get());
    return current == null ? Map.of() : annotationsOf(current);
  }

  @Override
  public Optional<String> conditionStatus(String node, String type) {
    NodeView view = cached(node);
    if (view == null) {
      return Optional.empty();
    }
    return view.conditions().stream()
        .filter(c -> type.equals(c.type()))
        .map(NodeConditionView::status)
        .findFirst();
  }

  private NodeView cached(String node) {
    return node == null ? null : (NodeView) cache.views(CachedKind.NODES).view(node);
  }

  private KubernetesClient client() {
    return clients.kubeward(cluster);
  }

  @Override
  public List<String> podsMatching(String node, NodeSelector selector) {
    return client()
        .pods()
        .inAnyNamespace()
        .withField("spec.nodeName", node)
        .withLabelSelector(toFabric8(selector))
        .list()
        .getItems()
        .stream()
        .filter(KubeMaintenanceNodes::notFinished)
        .map(p -> p.getMetadata().getNamespace() + "/" + p.getMetadata().getName())
        .sorted()
        .toList();
  }

  private static boolean notFinished(Pod pod) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    return !"Succeeded".equals(phase) && !"Failed".equals(phase);
  }

  @Override
  public JobState runJob(String name, String node, MaintenanceAction.JobTemplate template) {
    KubernetesClient client = client();
    Job job = client.batch().v1().jobs().inNamespace(jobNamespace).withName(name).get();
    if (job == null) {
      try {
        job =
            client
                .batch()
                .v1()
                .jobs()
                .inNamespace(jobNamespace)
                .resource(newJob(name, node, template))
                .create();
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
          throw e;
        }
        job = client.batch().v1().jobs().inNamespace(jobNamespace).withName(name).get();
      }
    }
    if (job == null || job.getStatus() == null) {
      return JobState.RUNNING;
    }
    for (JobCondition c : job.getStatus().getConditions()) {
      if ("True".equals(c.getStatus()) && "Complete".equals(c.getType())) {
        return JobState.SUCCEEDED;
      }
      if ("True".equals(c.getStatus()) && "Failed".equals(c.getType())) {
        return JobState.FAILED;
      }
    }
    Integer succeeded = job.getStatus().getSucceeded();
    return succeeded != null && succeeded > 0 ? JobState.SUCCEEDED : JobState.RUNNING;
  }

  /** How long a Job left running by a deleted maintenance stays after it finished. */
  static final int LEFT_JOB_TTL_SECONDS = 3600;

  @Override
  public JobCleanup cleanupJob(String name) {
    var jobs = client().batch().v1().jobs().inNamespace(jobNamespace);
    Job job = jobs.withName(name).get();
    if (job == null) {
      return JobCleanup.NONE;
    }
    boolean finished =
        job.getStatus() != null
            && job.getStatus().getConditions().stream()
                .anyMatch(
                    c ->
                        "True".equals(c.getStatus())
                            && ("Complete".equals(c.getType()) || "Failed".equals(c.getType())));
    if (finished) {
      jobs.withName(name)
          .withPropagationPolicy(io.fabric8.kubernetes.api.model.DeletionPropagation.BACKGROUND)
          .delete();
      return JobCleanup.DELETED;
    }
    jobs.withName(name)
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"spec\":{\"ttlSecondsAfterFinished\":" + LEFT_JOB_TTL_SECONDS + "}}");
    return JobCleanup.LEFT_RUNNING;
  }

  static Job newJob(String name, String node, MaintenanceAction.JobTemplate template) {
    return new JobBuilder()
        .withNewMetadata()
        .withName(name)
        .addToLabels("app.kubernetes.io/managed-by", "kubeward")
        .addToLabels("kubeward.io/maintenance-node", node)
        .endMetadata()
        .withNewSpec()
        .withBackoffLimit(0)
        .withNewTemplate()
        .withNewSpec()
        .withNodeName(node)
        .withRestartPolicy("Never")
        .withTolerations(
            new TolerationBuilder()
                .withKey("node.kubernetes.io/unschedulable")
                .withOperator("Exists")
                .withEffect("NoSchedule")
                .build())
        .addNewContainer()
        .withName("action")
        .withImage(template.image())
        .withCommand(template.command().isEmpty() ? null : template.command())
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private static Map<String, String> annotationsOf(Node node) {
    Map<String, String> a = node.getMetadata().getAnnotations();
    return a == null ? Map.of() : a;
  }

  /** The one translation, {@code cluster.domain.LabelSelector#toFabric8}. */
  static LabelSelector toFabric8(NodeSelector selector) {
    return selector == null ? new LabelSelector() : selector.toLabelSelector().toFabric8();
  }
}
