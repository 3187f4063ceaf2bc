package io.kubeward.capacity.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.access.app.Caller;
import io.kubeward.capacity.app.WhatIfReader;
import io.kubeward.capacity.domain.WorkloadTemplate;
import io.kubeward.capacity.domain.scheduling.PodShape;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.cluster.kube.KubeErrors;
import io.kubeward.workload.domain.WorkloadKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Reads workload templates and the pods of nodes live, as the caller. */
public final class KubeWhatIfReader implements WhatIfReader {

  private static final String MIRROR = "kubernetes.io/config.mirror";

  private final ClusterClients clients;

  public KubeWhatIfReader(ClusterClients clients) {
    this.clients = clients;
  }

  @Override
  public @Nullable WorkloadTemplate template(
      Caller caller, String cluster, WorkloadKind kind, String namespace, String name) {
    KubernetesClient client = clients.forCaller(caller, cluster, ClusterClients.Intent.READ);
    return KubeErrors.call(
        cluster,
        () ->
            switch (kind) {
              case DEPLOYMENT -> {
                Deployment d =
                    client.apps().deployments().inNamespace(namespace).withName(name).get();
                yield d == null
                    ? null
                    : of(
                        kind,
                        d,
                        d.getSpec().getReplicas(),
                        d.getSpec().getSelector(),
                        d.getSpec().getTemplate());
              }
              case STATEFULSET -> {
                StatefulSet s =
                    client.apps().statefulSets().inNamespace(namespace).withName(name).get();
                yield s == null
                    ? null
                    : of(
                        kind,
                        s,
                        s.getSpec().getReplicas(),
                        s.getSpec().getSelector(),
                        s.getSpec().getTemplate());
              }
              case REPLICASET -> {
                ReplicaSet r =
                    client.apps().replicaSets().inNamespace(namespace).withName(name).get();
                yield r == null
                    ? null
                    : of(
                        kind,
                        r,
                        r.getSpec().getReplicas(),
                        r.getSpec().getSelector(),
                        r.getSpec().getTemplate());
              }
              default -> null;
            });
  }

  private static WorkloadTemplate of(
      WorkloadKind kind,
      HasMetadata owner,
      Integer replicas,
      LabelSelector selector,
      PodTemplateSpec template) {
    Map<String, String> labels =
        template.getMetadata() == null ? Map.of() : template.getMetadata().getLabels();
    return new WorkloadTemplate(
        kind.kind(),
        owner.getMetadata().getNamespace(),
        owner.getMetadata().getName(),
        replicas == null ? 1 : replicas,
        selector,
        labels,
        template.getSpec());
  }

  @Override
  public List<LivePod> podsOn(Caller caller, String cluster, Set<String> nodes) {
    KubernetesClient client = clients.forCaller(caller, cluster, ClusterClients.Intent.READ);
    return KubeErrors.call(
        cluster,
        () -> {
          List<LivePod> out = new ArrayList<>();
          for (String node : nodes) {
            for (Pod pod :
                client.pods().inAnyNamespace().withField("spec.nodeName", node).list().getItems()) {
              live(pod).ifPresent(out::add);
            }
          }
          return out;
        });
  }

  /** The pod as drain sees it: none for mirror and finished pods. */
  static Optional<LivePod> live(Pod pod) {
    var meta = pod.getMetadata();
    if (meta.getAnnotations() != null && meta.getAnnotations().containsKey(MIRROR)) {
      return Optional.empty();
    }
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    if ("Succeeded".equals(phase)
        || "Failed".equals(phase)
        || meta.getDeletionTimestamp() != null) {
      return Optional.empty();
    }
    OwnerReference controller = null;
    if (meta.getOwnerReferences() != null) {
      for (OwnerReference ref : meta.getOwnerReferences()) {
        if (Boolean.TRUE.equals(ref.getController())) {
          controller = ref;
        }
      }
    }
    boolean daemon = controller != null && "DaemonSet".equals(controller.getKind());
    PodShape shape =
        PodShape.of(meta.getName(), meta.getNamespace(), meta.getLabels(), pod.getSpec(), daemon);
    return Optional.of(new LivePod(shape, controller != null));
  }
}
