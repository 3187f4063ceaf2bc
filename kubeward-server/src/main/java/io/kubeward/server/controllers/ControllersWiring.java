package io.kubeward.server.controllers;

import io.kubeward.cluster.app.ClusterNotFoundException;
import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.runtime.kube.ControllerRuntime;
import io.kubeward.runtime.kube.ControllerSpec;
import io.kubeward.runtime.kube.SystemClients;
import io.kubeward.server.ha.HaProperties;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The controller runtime: every {@link ControllerSpec} bean a feature declares runs in every
 * managed cluster; the registry is followed on a background thread (at start and every {@code
 * kubeward.controllers.cluster-sync-interval}).
 */
@Configuration(proxyBeanMethods = false)
class ControllersWiring {

  private static final Logger log = LoggerFactory.getLogger(ControllersWiring.class);

  /** The runtime and the thread that keeps it in sync with the cluster registry. */
  static final class Runtime implements AutoCloseable {
    private final ControllerRuntime runtime;
    private final ScheduledExecutorService sync =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("kubeward-controllers-sync").factory());

    Runtime(ControllerRuntime runtime, ControllersProperties properties) {
      this.runtime = runtime;
      sync.scheduleWithFixedDelay(
          this::syncQuietly, 0, properties.clusterSyncInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void syncQuietly() {
      try {
        runtime.sync();
      } catch (RuntimeException e) {
        log.warn("Controllers: syncing with the cluster registry failed: {}", e.toString());
      }
    }

    @Override
    public void close() {
      sync.shutdownNow();
      runtime.close();
    }
  }

  /** Controllers act with Kubeward's own credentials, from the one client factory (ADR 0013). */
  @Bean
  SystemClients systemClients(ClusterClients clients) {
    return c -> {
      try {
        return Optional.of(clients.kubeward(c.name()));
      } catch (ClusterNotFoundException e) {
        return Optional.empty();
      }
    };
  }

  @Bean(destroyMethod = "close")
  ControllerRuntime controllerRuntime(
      ClusterRegistry clusters,
      SystemClients systemClients,
      ObjectProvider<ControllerSpec<?>> specs,
      ControllersProperties properties,
      HaProperties ha, // issue 18 ha: kubeward.ha.replica-id names this replica in leases
      Clock clock) {
    List<ControllerSpec<?>> all = specs.orderedStream().toList();
    return new ControllerRuntime(
        clusters, systemClients, all, properties.settings(), clock, ha.replicaId());
  }

  @Bean(destroyMethod = "close")
  Runtime controllerRuntimeSync(ControllerRuntime runtime, ControllersProperties properties) {
    return new Runtime(runtime, properties);
  }
}
