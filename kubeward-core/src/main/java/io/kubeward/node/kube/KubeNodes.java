package io.kubeward.node.kube;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kubeward.access.app.Caller;
import io.kubeward.cluster.domain.NodeProjection;
import io.kubeward.cluster.domain.NodeTaint;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.cluster.kube.KubeErrors;
import io.kubeward.node.app.NodeGateway;
import io.kubeward.node.app.NodeNotFoundException;
import io.kubeward.node.domain.NodeMetadata;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one node adapter: nodes and node Leases through a cluster's API, with the caller's identity
 * ({@link ClusterClients}). Writes are JSON merge patches: cordon sets {@code spec.unschedulable}
 * together with the {@value NodeGateway#CORDONED_BY} mark; a write that carries {@code
 * metadata.resourceVersion} applies only to the version that was read (409 otherwise).
 */
public final class KubeNodes implements NodeGateway {

  static final String LEASE_NAMESPACE = "kube-node-lease";
  static final long PAGE = 500;

  /** Keeps nulls: in a JSON merge patch, null removes the field. */
  private static final ObjectMapper PATCH_JSON = new ObjectMapper();

  private final ClusterClients clients;

  public KubeNodes(ClusterClients clients) {
    this.clients = clients;
  }

  @Override
  public Optional<LiveNode> get(Caller caller, String cluster, String node) {
    KubernetesClient client = clients.forCaller(caller, cluster, ClusterClients.Intent.READ);
    Node found = call(cluster, node, () -> client.nodes().withName(node).get());
    return Optional.ofNullable(found).map(KubeNodes::live);
  }

  @Override
  public Optional<Instant> leaseRenewTime(Caller caller, String cluster, String node) {
    KubernetesClient client = clients.forCaller(caller, cluster, ClusterClients.Intent.READ);
    Lease lease =
        call(
            cluster, node, () -> client.leases().inNamespace(LEASE_NAMESPACE).withName(node).get());
    return Optional.ofNullable(renewTime(lease));
  }

  @Override
  public Map<String, Instant> leaseRenewTimes(String cluster) {
    Map<String, Instant> times = new HashMap<>();
    String token = null;
    do {
      String from = token;
      LeaseList page =
          call(
              cluster,
              null,
              () ->
                  clients
                      .kubeward(cluster)
                      .leases()
                      .inNamespace(LEASE_NAMESPACE)
                      .list(new ListOptionsBuilder().withLimit(PAGE).withContinue(from).build()));
      for (Lease lease : page.getItems()) {
        Instant renewed = renewTime(lease);
        if (renewed != null) {
          times.put(lease.getMetadata().getName(), renewed);
        }
      }
      token = page.getMetadata() == null ? null : page.getMetadata().getContinue();
    } while (token != null && !token.isEmpty());
    return times;
  }

  @Override
  public LiveNode setCordon(
      Caller caller,
      String cluster,
      String node,
      boolean unschedulable,
      String cordonedBy,
      String resourceVersion) {
    Map<String, Object> annotations = new HashMap<>();
    annotations.put(CORDONED_BY, cordonedBy);
    Map<String, Object> metadata = new LinkedHashMap<>();
    if (resourceVersion != null) {
      metadata.put("resourceVersion", resourceVersion);
    }
    metadata.put("annotations", annotations);
    Map<String, Object> spec = new HashMap<>();
    spec.put("unschedulable", unschedulable ? Boolean.TRUE : null);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("metadata", metadata);
    body.put("spec", spec);
    return patch(caller, cluster, node, body);
  }

  @Override
  public LiveNode writeMetadata(
      Caller caller,
      String cluster,
      String node,
      String resourceVersion,
      NodeMetadata current,
      NodeMetadata desired) {
    Map<String, Object> labels = new LinkedHashMap<>();
    current.labels().keySet().stream()
        .filter(k -> !desired.labels().containsKey(k))
        .forEach(k -> labels.put(k, null));
    labels.putAll(desired.labels());
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("resourceVersion", resourceVersion);
    metadata.put("labels", labels);
    List<Map<String, Object>> taints = new ArrayList<>();
    for (NodeTaint taint : desired.taints()) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("key", taint.key());
      if (!taint.value().isEmpty()) {
        t.put("value", taint.value());
      }
      t.put("effect", taint.effect());
      taints.add(t);
    }
    Map<String, Object> spec = new HashMap<>();
    spec.put("taints", taints.isEmpty() ? null : taints);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("metadata", metadata);
    body.put("spec", spec);
    return patch(caller, cluster, node, body);
  }

  private LiveNode patch(Caller caller, String cluster, String node, Map<String, Object> body) {
    KubernetesClient client = clients.forCaller(caller, cluster, ClusterClients.Intent.WRITE);
    String json;
    try {
      json = PATCH_JSON.writeValueAsString(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a map of strings is always JSON", e);
    }
    Node patched =
        call(
            cluster,
            node,
            () -> client.nodes().withName(node).patch(PatchContext.of(PatchType.JSON_MERGE), json));
    return live(patched);
  }

  static LiveNode live(Node node) {
    Map<String, Instant> heartbeats = new HashMap<>();
    if (node.getStatus() != null && node.getStatus().getConditions() != null) {
      for (NodeCondition condition : node.getStatus().getConditions()) {
        Instant at = instant(condition.getLastHeartbeatTime());
        if (condition.getType() != null && at != null) {
          heartbeats.put(condition.getType(), at);
        }
      }
    }
    List<NodeTaint> taints = new ArrayList<>();
    if (node.getSpec() != null && node.getSpec().getTaints() != null) {
      for (Taint taint : node.getSpec().getTaints()) {
        taints.add(new NodeTaint(taint.getKey(), taint.getValue(), taint.getEffect()));
      }
    }
    Map<String, String> annotations = node.getMetadata().getAnnotations();
    return new LiveNode(
        NodeProjection.node(node),
        new NodeMetadata(node.getMetadata().getLabels(), taints),
        Map.copyOf(heartbeats),
        annotations == null ? null : annotations.get(CORDONED_BY));
  }

  private static Instant renewTime(Lease lease) {
    if (lease == null || lease.getSpec() == null || lease.getSpec().getRenewTime() == null) {
      return null;
    }
    return lease.getSpec().getRenewTime().toInstant();
  }

  private static Instant instant(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * Runs a request; a missing node is a {@link NodeNotFoundException}, the rest {@link KubeErrors}.
   */
  private static <T> T call(String cluster, String node, Supplier<T> request) {
    try {
      return request.get();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404 && node != null) {
        throw new NodeNotFoundException(cluster, node);
      }
      throw KubeErrors.translate(cluster, e);
    }
  }
}
