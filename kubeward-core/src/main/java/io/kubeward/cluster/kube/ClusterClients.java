package io.kubeward.cluster.kube;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import io.kubeward.access.app.ClusterReadOnlyException;
import io.kubeward.access.domain.ClusterAccess;
import io.kubeward.access.domain.KubeIdentity;
import io.kubeward.access.domain.Origin;
import io.kubeward.access.kube.Impersonation;
import io.kubeward.cluster.app.ClusterNotFoundException;
import io.kubeward.cluster.app.ClusterRegistry;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one way adapters reach a cluster's API (ADR 0013). For a user: where Kubeward may
 * impersonate, a client that carries the user's identity, so the cluster's RBAC and admission
 * decide; where it may not, Kubeward's own client for reads (the use case has checked the user's
 * Kubeward grants) and, for changes, only for Kubeward's administrators. For Kubeward itself (its
 * controllers, its cache, its health checks): its own client, asked for explicitly with {@link
 * #kubeward}.
 */
public final class ClusterClients {

  /** What the request will do, which decides the fail-safe answer. */
  public enum Intent {
    READ,
    WRITE
  }

  /** A cluster as this class needs it: Kubeward's own client and its current access. */
  public record Connection(KubernetesClient client, Supplier<ClusterAccess> access) {}

  private final Function<String, Optional<Connection>> connections;

  /** The clusters of the registry. */
  public ClusterClients(ClusterRegistry registry) {
    this(
        name ->
            registry
                .find(name)
                .filter(KubeCluster.class::isInstance)
                .map(KubeCluster.class::cast)
                .map(k -> new Connection(k.client(), k::access)));
  }

  public ClusterClients(Function<String, Optional<Connection>> connections) {
    this.connections = connections;
  }

  /** Every cluster name answered by one client with a fixed access (tests, tools). */
  public static ClusterClients fixed(KubernetesClient client, ClusterAccess access) {
    Connection connection = new Connection(client, () -> access);
    return new ClusterClients(name -> Optional.of(connection));
  }

  /**
   * The client for a request made for {@code caller}.
   *
   * @throws ClusterNotFoundException if there is no such cluster
   * @throws ClusterReadOnlyException for a change by a non-administrator where Kubeward may not
   *     impersonate
   */
  public KubernetesClient forCaller(Caller caller, String cluster, Intent intent) {
    Connection connection = find(cluster);
    if (caller.origin() == Origin.CONTROLLER) {
      return connection.client();
    }
    ClusterAccess access = connection.access().get();
    if (access.impersonates()) {
      return Impersonation.as(connection.client(), Authorizer.identity(caller));
    }
    if (intent == Intent.WRITE && !Authorizer.isAdmin(caller)) {
      throw new ClusterReadOnlyException(caller.username(), cluster, access.reason());
    }
    return connection.client();
  }

  /**
   * The client for a controller acting for a person whose identity it read from a verified {@link
   * io.kubeward.access.domain.IdentityStamp} (ADR 0040): that identity impersonated. Where Kubeward
   * may not impersonate, only an identity in Kubeward's administrators' group gets Kubeward's own
   * client, like {@link #forCaller} does for administrators.
   *
   * @throws ClusterReadOnlyException where Kubeward may not impersonate and {@code who} is not an
   *     administrator
   */
  public KubernetesClient actingFor(KubeIdentity who, String cluster) {
    Connection connection = find(cluster);
    ClusterAccess access = connection.access().get();
    if (access.impersonates()) {
      return Impersonation.as(connection.client(), who);
    }
    if (!who.groups().contains(KubeIdentity.ADMINS_GROUP)) {
      throw new ClusterReadOnlyException(who.user(), cluster, access.reason());
    }
    return connection.client();
  }

  /** Kubeward's own client of {@code cluster}, for its controllers and checks. */
  public KubernetesClient kubeward(String cluster) {
    return find(cluster).client();
  }

  private Connection find(String cluster) {
    return connections.apply(cluster).orElseThrow(() -> new ClusterNotFoundException(cluster));
  }
}
