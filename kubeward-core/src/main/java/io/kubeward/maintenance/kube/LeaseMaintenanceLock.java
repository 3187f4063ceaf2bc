package io.kubeward.maintenance.kube;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubeward.maintenance.app.MaintenanceLock;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The node maintenance lock as the Lease {@value #NAME}: its {@code holderIdentity} is the
 * maintenance working on nodes. Writes carry the Lease's resourceVersion, so two controllers (or
 * two maintenances) can never both take it.
 */
public final class LeaseMaintenanceLock implements MaintenanceLock {

  public static final String NAME = "kubeward-node-maintenance";

  private final KubernetesClient client;
  private final String namespace;
  private final Clock clock;

  public LeaseMaintenanceLock(KubernetesClient client, String namespace, Clock clock) {
    this.client = client;
    this.namespace = namespace;
    this.clock = clock;
  }

  @Override
  public boolean tryAcquire(String maintenance, Predicate<String> stale) {
    Lease lease = current();
    try {
      if (lease == null) {
        client
            .leases()
            .inNamespace(namespace)
            .resource(
                new LeaseBuilder()
                    .withNewMetadata()
                    .withName(NAME)
                    .withNamespace(namespace)
                    .endMetadata()
                    .withNewSpec()
                    .withHolderIdentity(maintenance)
                    .withAcquireTime(now())
                    .endSpec()
                    .build())
            .create();
        return true;
      }
      String holder = lease.getSpec() == null ? null : lease.getSpec().getHolderIdentity();
      if (maintenance.equals(holder)) {
        return true;
      }
      if (holder != null && !holder.isEmpty() && !stale.test(holder)) {
        return false;
      }
      if (lease.getSpec() == null) { // a Lease written by hand may have none
        lease.setSpec(new LeaseSpec());
      }
      lease.getSpec().setHolderIdentity(maintenance);
      lease.getSpec().setAcquireTime(now());
      client.leases().inNamespace(namespace).resource(lease).update();
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public void release(String maintenance) {
    Lease lease = current();
    if (lease == null
        || lease.getSpec() == null
        || !maintenance.equals(lease.getSpec().getHolderIdentity())) {
      return;
    }
    lease.getSpec().setHolderIdentity(null);
    lease.getSpec().setAcquireTime(null);
    try {
      client.leases().inNamespace(namespace).resource(lease).update();
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        throw e;
      }
      // someone else changed it: the next reconcile looks again
    }
  }

  @Override
  public Optional<String> holder() {
    Lease lease = current();
    return Optional.ofNullable(lease)
        .map(Lease::getSpec)
        .map(s -> s.getHolderIdentity())
        .filter(h -> !h.isBlank());
  }

  private Lease current() {
    return client.leases().inNamespace(namespace).withName(NAME).get();
  }

  private ZonedDateTime now() {
    return clock.instant().atZone(ZoneOffset.UTC);
  }
}
