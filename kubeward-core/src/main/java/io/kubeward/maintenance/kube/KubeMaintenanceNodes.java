package io.kubeward.maintenance.kube;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kubeward.maintenance.app.MaintenanceNodes;
import io.kubeward.maintenance.domain.MaintenanceAction;
import io.kubeward.maintenance.domain.NodeSelector;
import java.net.HttpURLConnection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Nodes, pods and Jobs of one cluster as maintenance needs them, through the API. Cordon and
 * uncordon are JSON merge patches that set or clear {@code spec.unschedulable} together with the
 * {@value MaintenanceNodes#CORDONED_BY} marker.
 */
public final class KubeMaintenanceNodes implements MaintenanceNodes {

  /** Keeps nulls: in a JSON merge patch, null removes the field. */
  private static final ObjectMapper PATCH_JSON = new ObjectMapper();

  private final KubernetesClient client;
  private final String jobNamespace;

  public KubeMaintenanceNodes(KubernetesClient client, String jobNamespace) {
    this.client = client;
    this.jobNamespace = jobNamespace;
  }

  @Override
  public List<String> select(NodeSelector selector) {
    return client.nodes().withLabelSelector(toFabric8(selector)).list().getItems().stream()
        .map(n -> n.getMetadata().getName())
        .sorted()
        .toList();
  }

  @Override
  public boolean exists(String node) {
    return client.nodes().withName(node).get() != null;
  }

  @Override
  public boolean cordon(String node, String maintenance) {
    Node current = client.nodes().withName(node).get();
    if (current == null) {
      return false;
    }
    if (Boolean.TRUE.equals(current.getSpec().getUnschedulable())) {
      return maintenance.equals(annotationsOf(current).get(CORDONED_BY));
    }
    patch(node, true, maintenance);
    return true;
  }

  @Override
  public boolean uncordon(String node, String maintenance) {
    Node current = client.nodes().withName(node).get();
    if (current == null || !maintenance.equals(annotationsOf(current).get(CORDONED_BY))) {
      return false;
    }
    patch(node, false, null);
    return true;
  }

  @Override
  public boolean releaseMarker(String node, String maintenance) {
    Node current = client.nodes().withName(node).get();
    if (current == null || !maintenance.equals(annotationsOf(current).get(CORDONED_BY))) {
      return false;
    }
    Map<String, Object> annotations = new LinkedHashMap<>();
    annotations.put(CORDONED_BY, null);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "metadata",
        Map.of(
            "annotations",
            annotations,
            "resourceVersion",
            current.getMetadata().getResourceVersion()));
    try {
      client
          .nodes()
          .withName(node)
          .patch(PatchContext.of(PatchType.JSON_MERGE), PATCH_JSON.writeValueAsString(body));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return true;
  }

  private void patch(String node, boolean unschedulable, String marker) {
    Map<String, Object> annotations = new LinkedHashMap<>();
    annotations.put(CORDONED_BY, marker);
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("unschedulable", unschedulable ? Boolean.TRUE : null);
    Map<String, Object> body = Map.of("metadata", Map.of("annotations", annotations), "spec", spec);
    try {
      client
          .nodes()
          .withName(node)
          .patch(PatchContext.of(PatchType.JSON_MERGE), PATCH_JSON.writeValueAsString(body));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public boolean isReady(String node) {
    return conditionStatus(node, "Ready").filter("True"::equals).isPresent();
  }

  @Override
  public Map<String, String> annotations(String node) {
    Node current = client.nodes().withName(node).get();
    return current == null ? Map.of() : annotationsOf(current);
  }

  @Override
  public Optional<String> conditionStatus(String node, String type) {
    Node current = client.nodes().withName(node).get();
    if (current == null || current.getStatus() == null) {
      return Optional.empty();
    }
    return current.getStatus().getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .map(NodeCondition::getStatus)
        .findFirst();
  }

  @Override
  public List<String> podsMatching(String node, NodeSelector selector) {
    return client
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
    var jobs = client.batch().v1().jobs().inNamespace(jobNamespace);
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

  static LabelSelector toFabric8(NodeSelector selector) {
    if (selector == null) {
      return new LabelSelector();
    }
    return new LabelSelectorBuilder()
        .withMatchLabels(selector.matchLabels().isEmpty() ? null : selector.matchLabels())
        .withMatchExpressions(
            selector.matchExpressions().stream()
                .map(
                    r ->
                        new LabelSelectorRequirement(
                            r.key(), r.operator(), r.values().isEmpty() ? null : r.values()))
                .toList())
        .build();
  }
}
