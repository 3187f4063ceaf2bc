package io.kubeward.release.kube.traffic;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.common.KubewardException;
import io.kubeward.diagnostics.domain.Bilingual;
import io.kubeward.release.domain.ReleaseStepException;
import io.kubeward.release.domain.RouteMatch;
import io.kubeward.release.domain.TrafficRouting;
import io.kubeward.release.domain.TrafficSplit;
import io.kubeward.release.domain.TrafficTarget;
import io.kubeward.release.domain.traffic.HttpRouteSplit;
import io.kubeward.release.domain.traffic.RouteRecord;
import io.kubeward.release.domain.traffic.TrafficTexts;
import io.kubeward.release.domain.traffic.TrafficValidation;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The Gateway API router: weights and A/B rules on the Release's HTTPRoute ({@code
 * gateway.networking.k8s.io/v1}), computed by {@link HttpRouteSplit} and recorded in the route's
 * annotation {@code kubeward.io/release-<release>}; written with Kubeward's own identity by an
 * update carrying the resourceVersion read, so a concurrent change by someone else is a conflict
 * (retried by the controller), never overwritten. Present where the apiserver serves {@code
 * httproutes} in {@code gateway.networking.k8s.io/v1} (the CRD is installed). No Gateway
 * implementation needs to run for the objects to be right.
 */
public final class GatewayApiRouter extends ApiTrafficRouter {

  public static final String TYPE = "gatewayApi";
  public static final String GROUP_VERSION = "gateway.networking.k8s.io/v1";

  public GatewayApiRouter(ClusterClients clients, Clock clock, Duration presenceTtl) {
    super(clients, clock, presenceTtl);
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public List<Bilingual> validateTexts(TrafficRouting routing) {
    return TrafficValidation.gatewayApi(routing);
  }

  @Override
  public List<Bilingual> validateHeaderRoute(List<RouteMatch> match) {
    return TrafficValidation.gatewayHeaderRoute(match);
  }

  @Override
  public void apply(String cluster, TrafficTarget target, TrafficSplit split) {
    check(target.routing(), split);
    KubernetesClient client = clients.kubeward(cluster);
    HTTPRoute route = read(cluster, client, target);
    if (route == null) {
      throw new ReleaseStepException(
          "HTTPRouteNotFound",
          "HTTPRoute "
              + target.namespace()
              + "/"
              + target.routing().gatewayApi().httpRoute()
              + " does not exist",
          false);
    }
    HttpRouteSplit.Result result =
        HttpRouteSplit.apply(route, record(client, route, target.release()), target, split);
    write(cluster, client, route, result.route(), target.release(), result.record());
  }

  @Override
  public TrafficSplit observe(String cluster, TrafficTarget target) {
    KubernetesClient client = clients.kubeward(cluster);
    HTTPRoute route = read(cluster, client, target);
    if (route == null) {
      return TrafficSplit.STABLE;
    }
    RouteRecord record = record(client, route, target.release());
    return record == null ? TrafficSplit.STABLE : HttpRouteSplit.observe(route, record, target);
  }

  @Override
  public void restore(String cluster, TrafficTarget target) {
    KubernetesClient client = clients.kubeward(cluster);
    HTTPRoute route = read(cluster, client, target);
    if (route == null) {
      return;
    }
    RouteRecord record = record(client, route, target.release());
    if (record == null) {
      return;
    }
    write(cluster, client, route, HttpRouteSplit.restore(route, record), target.release(), null);
  }

  private @Nullable HTTPRoute read(String cluster, KubernetesClient client, TrafficTarget target) {
    String name = target.routing().gatewayApi().httpRoute();
    return RouterCalls.call(
        cluster,
        "read HTTPRoute " + name,
        () ->
            client.resources(HTTPRoute.class).inNamespace(target.namespace()).withName(name).get());
  }

  private static @Nullable RouteRecord record(
      KubernetesClient client, HTTPRoute route, String release) {
    var annotations = route.getMetadata().getAnnotations();
    String json = annotations == null ? null : annotations.get(RouteRecord.annotation(release));
    if (json == null || json.isBlank()) {
      return null;
    }
    try {
      return client.getKubernetesSerialization().unmarshal(json, RouteRecord.class);
    } catch (RuntimeException e) {
      throw new ReleaseStepException(
          "TrafficRecordUnreadable",
          "the annotation "
              + RouteRecord.annotation(release)
              + " of HTTPRoute "
              + route.getMetadata().getName()
              + " is not Kubeward's record: "
              + e.getMessage(),
          false);
    }
  }

  /**
   * Writes {@code changed} with the record (or without it: {@code record} null) as an update of the
   * version read; nothing is sent when neither the rules nor the record change.
   */
  private static void write(
      String cluster,
      KubernetesClient client,
      HTTPRoute read,
      HTTPRoute changed,
      String release,
      @Nullable RouteRecord record) {
    String key = RouteRecord.annotation(release);
    String value = record == null ? null : client.getKubernetesSerialization().asJson(record);
    String before =
        read.getMetadata().getAnnotations() == null
            ? null
            : read.getMetadata().getAnnotations().get(key);
    if (Objects.equals(read.getSpec(), changed.getSpec()) && Objects.equals(before, value)) {
      return;
    }
    var metadata = new HTTPRouteBuilder(changed).editMetadata();
    if (value == null) {
      metadata.removeFromAnnotations(key);
    } else {
      metadata.addToAnnotations(key, value);
    }
    HTTPRoute update = metadata.endMetadata().build();
    RouterCalls.run(
        cluster,
        "update HTTPRoute " + read.getMetadata().getName(),
        () -> client.resource(update).update());
  }

  @Override
  PresenceCache.Verdict probe(String cluster) {
    try {
      KubernetesClient client = clients.kubeward(cluster);
      return RouterCalls.serves(cluster, client, GROUP_VERSION, "httproutes")
          ? PresenceCache.Verdict.present(TYPE)
          : PresenceCache.Verdict.absent(TYPE, TrafficTexts.httpRoutesNotServed(GROUP_VERSION));
    } catch (KubewardException | KubernetesClientException e) {
      return PresenceCache.Verdict.absent(TYPE, TrafficTexts.presenceUnknown(e.getMessage()));
    }
  }
}
