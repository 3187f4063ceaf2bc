package io.kubeward.release.kube.traffic;

import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.cluster.kube.KubeErrors;
import io.kubeward.common.KubewardException;
import io.kubeward.diagnostics.domain.Bilingual;
import io.kubeward.release.domain.ReleaseStepException;
import io.kubeward.release.domain.RouteMatch;
import io.kubeward.release.domain.TrafficRouting;
import io.kubeward.release.domain.TrafficSplit;
import io.kubeward.release.domain.TrafficTarget;
import io.kubeward.release.domain.traffic.NginxCanary;
import io.kubeward.release.domain.traffic.TrafficTexts;
import io.kubeward.release.domain.traffic.TrafficValidation;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The ingress-nginx router: a canary Ingress {@code <ingress>-<release>-canary} next to the
 * Release's Ingress, written by server-side apply as {@value #FIELD_MANAGER} with Kubeward's own
 * identity (the Release controller calls it). Present where the cluster serves {@code
 * networking.k8s.io/v1} Ingresses and has an IngressClass whose controller is {@value
 * NginxCanary#CONTROLLER}. No ingress-nginx needs to run for the objects to be right; whether
 * traffic follows is ingress-nginx's business.
 */
public final class IngressNginxRouter extends ApiTrafficRouter {

  public static final String TYPE = "ingressNginx";
  public static final String FIELD_MANAGER = "kubeward-release";

  public IngressNginxRouter(ClusterClients clients, Clock clock, Duration presenceTtl) {
    super(clients, clock, presenceTtl);
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public List<Bilingual> validateTexts(TrafficRouting routing) {
    return TrafficValidation.ingressNginx(routing);
  }

  @Override
  public List<Bilingual> validateHeaderRoute(List<RouteMatch> match) {
    return TrafficValidation.nginxHeaderRoute(match);
  }

  @Override
  public void apply(String cluster, TrafficTarget target, TrafficSplit split) {
    check(target.routing(), split);
    KubernetesClient client = clients.kubeward(cluster);
    String ingress = target.routing().ingressNginx().ingress();
    Ingress stable = get(cluster, client, target, ingress);
    if (stable == null) {
      throw new ReleaseStepException(
          "IngressNotFound",
          "Ingress " + target.namespace() + "/" + ingress + " does not exist",
          false);
    }
    Ingress canary = NginxCanary.build(stable, target, split);
    String name = canary.getMetadata().getName();
    Ingress existing = get(cluster, client, target, name);
    if (existing != null && !NginxCanary.ownedBy(existing, target.release())) {
      throw new ReleaseStepException(
          "CanaryIngressExists",
          "Ingress "
              + target.namespace()
              + "/"
              + name
              + " exists and was not made by Kubeward for Release "
              + target.release(),
          false);
    }
    RouterCalls.run(
        cluster,
        "apply canary Ingress " + name,
        () ->
            ingresses(client, target)
                .resource(canary)
                .fieldManager(FIELD_MANAGER)
                .forceConflicts()
                .serverSideApply());
  }

  @Override
  public TrafficSplit observe(String cluster, TrafficTarget target) {
    Ingress canary = get(cluster, clients.kubeward(cluster), target, canaryName(target));
    return NginxCanary.ownedBy(canary, target.release())
        ? NginxCanary.observe(canary)
        : TrafficSplit.STABLE;
  }

  @Override
  public void restore(String cluster, TrafficTarget target) {
    KubernetesClient client = clients.kubeward(cluster);
    String name = canaryName(target);
    if (!NginxCanary.ownedBy(get(cluster, client, target, name), target.release())) {
      return;
    }
    RouterCalls.run(
        cluster,
        "delete canary Ingress " + name,
        () -> ingresses(client, target).withName(name).delete());
  }

  @Override
  PresenceCache.Verdict probe(String cluster) {
    try {
      KubernetesClient client = clients.kubeward(cluster);
      if (!RouterCalls.serves(cluster, client, "networking.k8s.io/v1", "ingresses")) {
        return PresenceCache.Verdict.absent(TYPE, TrafficTexts.ingressApiMissing());
      }
      boolean nginx =
          KubeErrors.call(cluster, () -> client.network().v1().ingressClasses().list().getItems())
              .stream()
              .anyMatch(
                  c ->
                      c.getSpec() != null
                          && NginxCanary.CONTROLLER.equals(c.getSpec().getController()));
      return nginx
          ? PresenceCache.Verdict.present(TYPE)
          : PresenceCache.Verdict.absent(
              TYPE, TrafficTexts.noNginxIngressClass(NginxCanary.CONTROLLER));
    } catch (KubewardException | KubernetesClientException e) {
      return PresenceCache.Verdict.absent(TYPE, TrafficTexts.presenceUnknown(e.getMessage()));
    }
  }

  private static String canaryName(TrafficTarget target) {
    return NginxCanary.name(target.routing().ingressNginx().ingress(), target.release());
  }

  private static @Nullable Ingress get(
      String cluster, KubernetesClient client, TrafficTarget target, String name) {
    return RouterCalls.call(
        cluster, "read Ingress " + name, () -> ingresses(client, target).withName(name).get());
  }

  private static NonNamespaceOperation<Ingress, IngressList, Resource<Ingress>> ingresses(
      KubernetesClient client, TrafficTarget target) {
    return client.network().v1().ingresses().inNamespace(target.namespace());
  }
}
