package io.kubeward.server.node;

import io.kubeward.audit.app.AuditedAction;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.node.app.CordonNode;
import io.kubeward.node.app.EditNodeMetadata;
import io.kubeward.node.app.GetNodeDetail;
import io.kubeward.node.app.NodeGateway;
import io.kubeward.node.health.app.ListNodeHealth;
import io.kubeward.node.health.app.NodeHealthMonitor;
import io.kubeward.node.kube.KubeNodes;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The node use cases on the clusters' fabric8 clients, and the node health scan. */
@Configuration(proxyBeanMethods = false)
public class NodeWiring {

  @Bean
  NodeGateway nodeGateway(ClusterClients clients) {
    return new KubeNodes(clients);
  }

  @Bean(destroyMethod = "close")
  NodeHealthMonitor nodeHealthMonitor(
      ClusterRegistry clusters, NodeGateway gateway, NodeHealthProperties properties, Clock clock) {
    return new NodeHealthMonitor(
        clusters, gateway, properties.rules(), properties.history(), clock);
  }

  /** Runs {@link NodeHealthMonitor#scan()} on one daemon thread every scan interval. */
  @Bean(destroyMethod = "shutdownNow")
  ScheduledExecutorService nodeHealthScanner(
      NodeHealthMonitor monitor, NodeHealthProperties properties) {
    ScheduledExecutorService scanner =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "kubeward-node-health");
              thread.setDaemon(true);
              return thread;
            });
    if (properties.enabled()) {
      long millis = properties.scanInterval().toMillis();
      scanner.scheduleWithFixedDelay(monitor::scan, 0, millis, TimeUnit.MILLISECONDS);
    }
    return scanner;
  }

  @Bean
  GetNodeDetail getNodeDetail(
      ClusterReads reads, NodeGateway gateway, NodeHealthMonitor monitor, Clock clock) {
    return new GetNodeDetail(reads, gateway, monitor, clock);
  }

  @Bean
  CordonNode cordonNode(
      ClusterReads reads, NodeGateway gateway, AuditedAction audited, GetNodeDetail details) {
    return new CordonNode(reads, gateway, audited, details);
  }

  @Bean
  EditNodeMetadata editNodeMetadata(
      ClusterReads reads, NodeGateway gateway, AuditedAction audited, GetNodeDetail details) {
    return new EditNodeMetadata(reads, gateway, audited, details);
  }

  @Bean
  ListNodeHealth listNodeHealth(ClusterReads reads, NodeHealthMonitor monitor) {
    return new ListNodeHealth(reads, monitor);
  }
}
