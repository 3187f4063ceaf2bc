package io.kubeward.release.kube.traffic;

import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.cluster.kube.KubeErrors;
import io.kubeward.common.KubewardException;
import io.kubeward.diagnostics.domain.Bilingual;
import io.kubeward.release.app.TrafficRouter;
import io.kubeward.release.domain.ReleaseStepException;
import io.kubeward.release.domain.RouteMatch;
import io.kubeward.release.domain.RouterPresence;
import io.kubeward.release.domain.TrafficRouting;
import io.kubeward.release.domain.TrafficSplit;
import io.kubeward.release.domain.TrafficTarget;
import io.kubeward.release.domain.traffic.NginxCanary;
import io.kubeward.release.domain.traffic.TrafficTexts;
import io.kubeward.release.domain.traffic.TrafficValidation;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The ingress-nginx router: a canary Ingress {@code <ingress>-<release>-canary} next to the
 * Release's Ingress, written by server-side apply as {@value #FIELD_MANAGER} with Kubeward's own
 * identity (the Release controller calls it). Present where the cluster serves {@code
 * networking.k8s.io/v1} Ingresses and has an IngressClass whose controller is {@value
 * NginxCanary#CONTROLLER}. No ingress-nginx needs to run for the objects to be right; whether
 * traffic follows is ingress-nginx's business.
 */
public final class IngressNginxRouter implements TrafficRouter {

  public static final String TYPE = "ingressNginx";
  public static final String FIELD_MANAGER = "kubeward-release";

  private final ClusterClients clients;
  private final PresenceCache presence;

  public IngressNginxRouter(ClusterClients clients, Clock clock, Duration presenceTtl) {
    this.clients = clients;
    this.presence = new PresenceCache(clock, presenceTtl, this::probe);
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public RouterPresence presence(String cluster) {
    return presence.get(cluster).presence();
  }

  @Override
  public Bilingual presenceReason(RouterPresence answer) {
    return presence.reasonOf(answer);
  }

  @Override
  public boolean supportsHeaderRoutes() {
    return true;
  }

  @Override
  public List<String> validate(TrafficRouting routing) {
    return validateTexts(routing).stream().map(Bilingual::en).toList();
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
    List<Bilingual> problems = TrafficValidation.ingressNginx(target.routing());
    if (!split.headerRoute().isEmpty()) {
      problems = new java.util.ArrayList<>(problems);
      problems.addAll(TrafficValidation.nginxHeaderRoute(split.headerRoute()));
    }
    if (!problems.isEmpty()) {
      throw new ReleaseStepException(
          "HeaderRouteNotSupported",
          String.join("; ", problems.stream().map(Bilingual::en).toList()),
          false);
    }
    KubernetesClient client = clients.kubeward(cluster);
    String ingress = target.routing().ingressNginx().ingress();
    Ingress stable =
        RouterCalls.call(
            cluster,
            "read Ingress " + ingress,
            () ->
                client
                    .network()
                    .v1()
                    .ingresses()
                    .inNamespace(target.namespace())
                    .withName(ingress)
                    .get());
    if (stable == null) {
      throw new ReleaseStepException(
          "IngressNotFound",
          "Ingress " + target.namespace() + "/" + ingress + " does not exist",
          false);
    }
    Ingress canary = NginxCanary.build(stable, target, split);
    guardForeign(cluster, client, target, canary.getMetadata().getName());
    RouterCalls.run(
        cluster,
        "apply canary Ingress " + canary.getMetadata().getName(),
        () ->
            client
                .network()
                .v1()
                .ingresses()
                .inNamespace(target.namespace())
                .resource(canary)
                .fieldManager(FIELD_MANAGER)
                .forceConflicts()
                .serverSideApply());
  }

  @Override
  public TrafficSplit observe(String cluster, TrafficTarget target) {
    Ingress canary = canary(cluster, clients.kubeward(cluster), target);
    return NginxCanary.ownedBy(canary, target.release())
        ? NginxCanary.observe(canary)
        : TrafficSplit.STABLE;
  }

  @Override
  public void restore(String cluster, TrafficTarget target) {
    KubernetesClient client = clients.kubeward(cluster);
    Ingress canary = canary(cluster, client, target);
    if (!NginxCanary.ownedBy(canary, target.release())) {
      return;
    }
    RouterCalls.run(
        cluster,
        "delete canary Ingress " + canary.getMetadata().getName(),
        () ->
            client
                .network()
                .v1()
                .ingresses()
                .inNamespace(target.namespace())
                .withName(canary.getMetadata().getName())
                .delete());
  }

  private Ingress canary(String cluster, KubernetesClient client, TrafficTarget target) {
    String name = NginxCanary.name(target.routing().ingressNginx().ingress(), target.release());
    return RouterCalls.call(
        cluster,
        "read canary Ingress " + name,
        () ->
            client.network().v1().ingresses().inNamespace(target.namespace()).withName(name).get());
  }

  /** Never takes over an Ingress of that name that Kubeward did not create for this Release. */
  private void guardForeign(
      String cluster, KubernetesClient client, TrafficTarget target, String name) {
    Ingress existing =
        RouterCalls.call(
            cluster,
            "read canary Ingress " + name,
            () ->
                client
                    .network()
                    .v1()
                    .ingresses()
                    .inNamespace(target.namespace())
                    .withName(name)
                    .get());
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
  }

  private PresenceCache.Verdict probe(String cluster) {
    try {
      KubernetesClient client = clients.kubeward(cluster);
      var resources =
          KubeErrors.call(cluster, () -> client.getApiResources("networking.k8s.io/v1"));
      boolean ingresses =
          resources != null
              && resources.getResources().stream().anyMatch(r -> "ingresses".equals(r.getName()));
      if (!ingresses) {
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
}
