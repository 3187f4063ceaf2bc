package io.kubeward.node.kube;

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
import io.kubeward.cluster.app.ClusterNotFoundException;
import io.kubeward.cluster.app.ClusterUnreachableException;
import io.kubeward.cluster.domain.NodeProjection;
import io.kubeward.cluster.domain.NodeTaint;
import io.kubeward.node.app.NodeGateway;
import io.kubeward.node.app.NodeNotFoundException;
import io.kubeward.node.domain.NodeMetadata;
import io.kubeward.resource.app.ResourceException;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Nodes and node Leases through a cluster's fabric8 client. Writes are JSON merge patches: cordon
 * sets {@code spec.unschedulable}; the metadata edit carries {@code metadata.resourceVersion}, so
 * the apiserver applies it only to the version that was read (409 otherwise).
 */
public final class KubeNodes implements NodeGateway {

  static final String LEASE_NAMESPACE = "kube-node-lease";
  static final long PAGE = 500;

  private final Function<String, Optional<KubernetesClient>> clients;

  /**
   * @param clients the shared client of a cluster by name, empty if there is no such cluster
   */
  public KubeNodes(Function<String, Optional<KubernetesClient>> clients) {
    this.clients = clients;
  }

  @Override
  public Optional<LiveNode> get(String cluster, String node) {
    Node found = call(cluster, node, () -> client(cluster).nodes().withName(node).get());
    return Optional.ofNullable(found).map(KubeNodes::live);
  }

  @Override
  public Optional<Instant> leaseRenewTime(String cluster, String node) {
    Lease lease =
        call(
            cluster,
            node,
            () -> client(cluster).leases().inNamespace(LEASE_NAMESPACE).withName(node).get());
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
                  client(cluster)
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
  public LiveNode setUnschedulable(String cluster, String node, boolean unschedulable) {
    Map<String, Object> spec = new HashMap<>();
    spec.put("unschedulable", unschedulable ? Boolean.TRUE : null);
    return patch(cluster, node, Map.of("spec", spec));
  }

  @Override
  public LiveNode writeMetadata(
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
    return patch(cluster, node, body);
  }

  private LiveNode patch(String cluster, String node, Map<String, Object> body) {
    KubernetesClient client = client(cluster);
    String json = client.getKubernetesSerialization().asJson(body);
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
    return new LiveNode(
        NodeProjection.node(node),
        new NodeMetadata(node.getMetadata().getLabels(), taints),
        Map.copyOf(heartbeats));
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

  private KubernetesClient client(String cluster) {
    return clients.apply(cluster).orElseThrow(() -> new ClusterNotFoundException(cluster));
  }

  /** Runs a request and maps the apiserver's refusals; never lets a client exception out. */
  private static <T> T call(String cluster, String node, Supplier<T> request) {
    try {
      return request.get();
    } catch (KubernetesClientException e) {
      throw translate(cluster, node, e);
    }
  }

  static RuntimeException translate(String cluster, String node, KubernetesClientException e) {
    String message =
        e.getStatus() != null && e.getStatus().getMessage() != null
            ? e.getStatus().getMessage()
            : e.getMessage();
    int code = e.getCode();
    if (code == 0 || isConnectionFailure(e)) {
      return new ClusterUnreachableException(cluster, Instant.now(), String.valueOf(message));
    }
    return switch (code) {
      case 404 ->
          node == null
              ? ResourceException.refused(message)
              : new NodeNotFoundException(cluster, node);
      case 409 -> ResourceException.conflict(message, List.of());
      case 400, 422 -> ResourceException.invalid(message);
      default -> ResourceException.refused(message);
    };
  }

  private static boolean isConnectionFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException) {
        return true;
      }
    }
    return false;
  }
}
