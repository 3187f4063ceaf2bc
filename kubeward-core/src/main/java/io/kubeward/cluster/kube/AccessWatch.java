package io.kubeward.cluster.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kubeward.access.domain.ClusterAccess;
import io.kubeward.access.kube.ImpersonationCheck;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What decides users' access in one cluster, followed: Kubeward's own right to impersonate (checked
 * at start, after an outage and periodically) and a generation number that changes with every
 * change of an RBAC object (Roles, RoleBindings, ClusterRoles, ClusterRoleBindings; informers of
 * their own, RBAC objects are few) or of the namespaces, so that cached access reviews are dropped
 * at once.
 */
final class AccessWatch implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AccessWatch.class);

  private final String cluster;
  private final KubernetesClient kubeward;
  private final Clock clock;
  private final AtomicLong generation = new AtomicLong(ThreadLocalRandom.current().nextLong());
  private final List<SharedIndexInformer<? extends HasMetadata>> informers;
  private volatile ClusterAccess access = ClusterAccess.unknown();
  private volatile boolean closed;

  AccessWatch(String cluster, KubernetesClient kubeward, Clock clock) {
    this.cluster = cluster;
    this.kubeward = kubeward;
    this.clock = clock;
    this.informers =
        List.of(
            kubeward.rbac().roles().inAnyNamespace().runnableInformer(0),
            kubeward.rbac().roleBindings().inAnyNamespace().runnableInformer(0),
            kubeward.rbac().clusterRoles().runnableInformer(0),
            kubeward.rbac().clusterRoleBindings().runnableInformer(0));
    informers.forEach(this::bump);
  }

  private <T extends HasMetadata> void bump(SharedIndexInformer<T> informer) {
    // Like the shared cache's informers: retry every failure with back-off (an absent API at
    // start must not stop them for good), quietly, until closed.
    informer.exceptionHandler((started, failure) -> !closed);
    Consumer<Object> changed = ignored -> changed();
    informer.addEventHandler(
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(T object) {
            changed.accept(object);
          }

          @Override
          public void onUpdate(T old, T object) {
            changed.accept(object);
          }

          @Override
          public void onDelete(T object, boolean unknownFinalState) {
            changed.accept(object);
          }
        });
  }

  /** Starts the informers (they retry by themselves while the cluster is away). */
  void start() {
    informers.forEach(SharedIndexInformer::start);
  }

  /** Something that affects permissions changed. */
  void changed() {
    generation.incrementAndGet();
  }

  long generation() {
    return generation.get();
  }

  ClusterAccess access() {
    return access;
  }

  /** Checks Kubeward's right to impersonate now; keeps the last answer if the cluster is away. */
  void check() {
    try {
      ClusterAccess checked = ImpersonationCheck.check(kubeward, clock);
      boolean modeChanged = checked.mode() != access.mode();
      if (modeChanged || access.checkedAt() == null) {
        log.info("Cluster {}: access mode {} ({})", cluster, checked.mode(), checked.reason());
      }
      access = checked;
      if (modeChanged) {
        // answers given in the other mode no longer hold; a periodic check that finds the same
        // mode drops nothing (it used to drop every cached review each interval)
        changed();
      }
    } catch (RuntimeException e) {
      log.debug("Cluster {}: cannot check the access mode: {}", cluster, e.toString());
    }
  }

  @Override
  public void close() {
    closed = true;
    informers.forEach(SharedIndexInformer::close);
  }
}
