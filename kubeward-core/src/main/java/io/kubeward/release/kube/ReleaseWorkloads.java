package io.kubeward.release.kube;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.kubeward.release.domain.NewVersion;
import io.kubeward.release.domain.ReleaseLabels;
import io.kubeward.release.domain.ReleaseObject;
import io.kubeward.release.domain.ReleaseSpec;
import io.kubeward.release.domain.ReleaseStepException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The Deployments and Services a Release works on, through Kubeward's own client (the controller's
 * identity). Every write is idempotent: it compares first and writes only a difference, so a
 * repeated pass after a restart changes nothing that is already right.
 */
public final class ReleaseWorkloads {

  static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private final KubernetesClient client;

  public ReleaseWorkloads(KubernetesClient client) {
    this.client = client;
  }

  /** The Deployment that carries the new version: {@code <deployment>-<release>}. */
  public static String canaryName(String deployment, String release) {
    return deployment + "-" + release;
  }

  public Optional<Deployment> deployment(String namespace, String name) {
    return call(
        () ->
            Optional.ofNullable(
                client.apps().deployments().inNamespace(namespace).withName(name).get()));
  }

  public Optional<Service> service(String namespace, String name) {
    return call(
        () -> Optional.ofNullable(client.services().inNamespace(namespace).withName(name).get()));
  }

  /**
   * The {@code pod-template-hash} of the Deployment's current ReplicaSet (the one of its revision),
   * or empty while the Deployment controller has not made it yet.
   */
  public Optional<String> currentHash(Deployment deployment) {
    String revision = annotation(deployment, "deployment.kubernetes.io/revision");
    if (revision == null) {
      return Optional.empty();
    }
    return call(
        () ->
            client
                .apps()
                .replicaSets()
                .inNamespace(deployment.getMetadata().getNamespace())
                .list()
                .getItems()
                .stream()
                .filter(rs -> ownedBy(rs, deployment))
                .filter(rs -> revision.equals(annotation(rs, "deployment.kubernetes.io/revision")))
                .map(rs -> rs.getMetadata().getLabels().get("pod-template-hash"))
                .filter(Objects::nonNull)
                .findFirst());
  }

  private static boolean ownedBy(ReplicaSet rs, Deployment deployment) {
    return rs.getMetadata().getOwnerReferences().stream()
        .anyMatch(o -> deployment.getMetadata().getUid().equals(o.getUid()));
  }

  private static @Nullable String annotation(
      io.fabric8.kubernetes.api.model.HasMetadata o, String key) {
    Map<String, String> a = o.getMetadata().getAnnotations();
    return a == null ? null : a.get(key);
  }

  /** The target's pod template with the new version applied. */
  @SuppressWarnings("unchecked")
  public static PodTemplateSpec newTemplate(Deployment target, ReleaseSpec.ReleaseVersion version) {
    Map<String, Object> template =
        SERIALIZATION.convertValue(target.getSpec().getTemplate(), Map.class);
    return SERIALIZATION.convertValue(NewVersion.apply(template, version), PodTemplateSpec.class);
  }

  /** The labels of the new version's pods: the target's selector plus the canary track. */
  public static Map<String, String> canarySelector(Deployment target, String release) {
    Map<String, String> selector =
        new LinkedHashMap<>(target.getSpec().getSelector().getMatchLabels());
    selector.put(ReleaseLabels.TRACK, ReleaseLabels.CANARY);
    selector.put(ReleaseLabels.RELEASE, release);
    return selector;
  }

  /**
   * Creates the new version's Deployment when missing (owned by the Release), and otherwise sets
   * its replicas when they differ. Returns it as it is now.
   */
  public Deployment ensureCanary(
      ReleaseObject release,
      Deployment target,
      int replicas,
      @Nullable String maxSurge,
      @Nullable String maxUnavailable) {
    String namespace = release.namespace();
    String name = canaryName(target.getMetadata().getName(), release.name());
    Optional<Deployment> existing = deployment(namespace, name);
    if (existing.isPresent()) {
      scale(namespace, name, replicas);
      return existing.get();
    }
    Map<String, String> selector = canarySelector(target, release.name());
    PodTemplateSpec template = newTemplate(target, release.spec().version());
    Map<String, String> podLabels = new LinkedHashMap<>();
    if (template.getMetadata().getLabels() != null) {
      podLabels.putAll(template.getMetadata().getLabels());
    }
    podLabels.putAll(selector);
    template.getMetadata().setLabels(podLabels);
    Map<String, String> labels = new LinkedHashMap<>();
    if (target.getMetadata().getLabels() != null) {
      labels.putAll(target.getMetadata().getLabels());
    }
    labels.put(ReleaseLabels.TRACK, ReleaseLabels.CANARY);
    labels.put(ReleaseLabels.RELEASE, release.name());
    Deployment canary =
        new DeploymentBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(namespace)
            .withLabels(labels)
            .withOwnerReferences(owner(release))
            .endMetadata()
            .withNewSpec()
            .withReplicas(replicas)
            .withNewSelector()
            .withMatchLabels(selector)
            .endSelector()
            .withTemplate(template)
            .withNewStrategy()
            .withType("RollingUpdate")
            .withNewRollingUpdate()
            .withMaxSurge(intOrString(maxSurge, "25%"))
            .withMaxUnavailable(intOrString(maxUnavailable, "0"))
            .endRollingUpdate()
            .endStrategy()
            .endSpec()
            .build();
    return call(() -> client.apps().deployments().inNamespace(namespace).resource(canary).create());
  }

  private static IntOrString intOrString(@Nullable String value, String fallback) {
    String v = value == null ? fallback : value.trim();
    return v.endsWith("%") ? new IntOrString(v) : new IntOrString(Integer.parseInt(v));
  }

  /** An owner reference to the Release: its objects go when it goes. */
  public static OwnerReference owner(ReleaseObject release) {
    return new OwnerReferenceBuilder()
        .withApiVersion(ReleaseResources.API_VERSION)
        .withKind(ReleaseResources.KIND)
        .withName(release.name())
        .withUid(release.uid())
        .withController(true)
        .withBlockOwnerDeletion(false)
        .build();
  }

  /** Sets a Deployment's replicas when they differ; a missing Deployment is left alone. */
  public void scale(String namespace, String name, int replicas) {
    run(
        () -> {
          Deployment d = client.apps().deployments().inNamespace(namespace).withName(name).get();
          if (d != null && !Objects.equals(d.getSpec().getReplicas(), replicas)) {
            client
                .apps()
                .deployments()
                .inNamespace(namespace)
                .withName(name)
                .edit(
                    x -> {
                      x.getSpec().setReplicas(replicas);
                      return x;
                    });
          }
        });
  }

  /**
   * Sets the target's template to the new version and its replicas to {@code replicas}, when either
   * differs (promotion).
   */
  public void promote(Deployment target, ReleaseSpec.ReleaseVersion version, int replicas) {
    PodTemplateSpec template = newTemplate(target, version);
    boolean same =
        template.equals(target.getSpec().getTemplate())
            && Objects.equals(target.getSpec().getReplicas(), replicas);
    if (same) {
      return;
    }
    run(
        () ->
            client
                .apps()
                .deployments()
                .inNamespace(target.getMetadata().getNamespace())
                .withName(target.getMetadata().getName())
                .edit(
                    x -> {
                      x.getSpec().setTemplate(newTemplate(x, version));
                      x.getSpec().setReplicas(replicas);
                      return x;
                    }));
  }

  /** Whether a Deployment's rollout is done: observed, updated, available and ready at desired. */
  public static boolean rolledOut(Deployment d) {
    if (d.getStatus() == null) {
      return false;
    }
    int desired = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
    var s = d.getStatus();
    return s.getObservedGeneration() != null
        && s.getObservedGeneration() >= d.getMetadata().getGeneration()
        && n(s.getUpdatedReplicas()) == desired
        && n(s.getReplicas()) == desired
        && n(s.getAvailableReplicas()) == desired
        && n(s.getReadyReplicas()) == desired;
  }

  public static int ready(Deployment d) {
    return d.getStatus() == null ? 0 : n(d.getStatus().getReadyReplicas());
  }

  private static int n(@Nullable Integer v) {
    return v == null ? 0 : v;
  }

  public void deleteDeployment(String namespace, String name) {
    run(() -> client.apps().deployments().inNamespace(namespace).withName(name).delete());
  }

  /** Sets a Service's selector when it differs, and its annotations (null value: remove). */
  public void setSelector(
      String namespace,
      String name,
      Map<String, String> selector,
      Map<String, String> annotations) {
    run(
        () -> {
          Service s = client.services().inNamespace(namespace).withName(name).get();
          if (s == null) {
            throw new ReleaseStepException(
                "ServiceNotFound", "no Service " + namespace + "/" + name, false);
          }
          Map<String, String> current =
              s.getMetadata().getAnnotations() == null
                  ? Map.of()
                  : s.getMetadata().getAnnotations();
          boolean annotationsSame =
              annotations.entrySet().stream()
                  .allMatch(e -> Objects.equals(current.get(e.getKey()), e.getValue()));
          if (selector.equals(s.getSpec().getSelector()) && annotationsSame) {
            return;
          }
          client
              .services()
              .inNamespace(namespace)
              .withName(name)
              .edit(
                  x -> {
                    x.getSpec().setSelector(new LinkedHashMap<>(selector));
                    Map<String, String> a =
                        x.getMetadata().getAnnotations() == null
                            ? new LinkedHashMap<>()
                            : new LinkedHashMap<>(x.getMetadata().getAnnotations());
                    annotations.forEach(
                        (k, v) -> {
                          if (v == null) {
                            a.remove(k);
                          } else {
                            a.put(k, v);
                          }
                        });
                    x.getMetadata().setAnnotations(a);
                    return x;
                  });
        });
  }

  /**
   * Creates the Service {@code name} (owned by the Release) selecting {@code selector} with the
   * ports of {@code like}, when it is missing; sets the selector of an existing one.
   */
  public void ensureService(
      ReleaseObject release, String name, Service like, Map<String, String> selector) {
    if (service(release.namespace(), name).isPresent()) {
      setSelector(release.namespace(), name, selector, Map.of());
      return;
    }
    Service created =
        new ServiceBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(release.namespace())
            .addToLabels(ReleaseLabels.RELEASE, release.name())
            .withOwnerReferences(owner(release))
            .endMetadata()
            .withNewSpec()
            .withSelector(selector)
            .withPorts(
                like.getSpec().getPorts().stream()
                    .map(
                        p -> {
                          var copy =
                              new io.fabric8.kubernetes.api.model.ServicePortBuilder(p)
                                  .withNodePort(null)
                                  .build();
                          return copy;
                        })
                    .toList())
            .endSpec()
            .build();
    run(() -> client.services().inNamespace(release.namespace()).resource(created).create());
  }

  private static <T> T call(Supplier<T> request) {
    try {
      return request.get();
    } catch (KubernetesClientException e) {
      throw stepFailure(e);
    }
  }

  private static void run(Runnable request) {
    try {
      request.run();
    } catch (KubernetesClientException e) {
      throw stepFailure(e);
    }
  }

  /** Apiserver errors: conflicts and unavailability are retried, the rest degrade the Release. */
  static ReleaseStepException stepFailure(KubernetesClientException e) {
    int code = e.getCode();
    boolean retryable = code == 0 || code == 409 || code == 429 || code >= 500;
    return new ReleaseStepException(
        code == 403 ? "Forbidden" : "ApiError",
        "the apiserver answered " + code + ": " + e.getMessage(),
        retryable);
  }
}
