package io.kubeward.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.NodeMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.testkit.controlplane.ControlPlane;
import io.kubeward.testkit.controlplane.FakeNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * metrics-server on the local control plane serves KWOK's emulated usage through the aggregation
 * layer: {@code kubectl top} (the kubectl on PATH, with the admin kubeconfig) and fabric8's {@code
 * client.top()} list every node and pod with the same non-zero numbers.
 */
@LocalControlPlane(metrics = true)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class MetricsIT {

  private static final Duration DEADLINE = Duration.ofSeconds(120);
  private static final long MI = 1024 * 1024;

  @Test
  void kubectlTopNodesListsEveryNodeWithUsageAndTheClientAgrees(
      ControlPlane controlPlane, KubernetesClient client) {
    List<String> nodeNames = controlPlane.nodes().stream().map(FakeNode::name).toList();

    await()
        .atMost(DEADLINE)
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              Map<String, NodeMetrics> before = nodeMetrics(client);
              Map<String, Usage> top = kubectlTop(controlPlane, "nodes");
              Map<String, NodeMetrics> after = nodeMetrics(client);
              assertThat(top.keySet()).containsAll(nodeNames);
              for (String node : nodeNames) {
                assertThat(top.get(node).milliCpu()).as("CPU of %s", node).isPositive();
                assertThat(top.get(node).memoryMi()).as("memory of %s", node).isPositive();
                // The same metrics-server window on both sides of kubectl: the same numbers.
                assertThat(after.get(node).getTimestamp())
                    .isEqualTo(before.get(node).getTimestamp());
                assertThat(top.get(node)).isEqualTo(Usage.of(after.get(node).getUsage()));
              }
            });
  }

  @Test
  void kubectlTopPodsListsEveryPodWithItsEmulatedUsageAndTheClientAgrees(
      ControlPlane controlPlane, KubernetesClient client, TestNamespace ns) {
    client
        .apps()
        .deployments()
        .inNamespace(ns.name())
        .resource(Workloads.withRequests(Workloads.deployment("web", 3, Map.of()), "200m", "128Mi"))
        .create();
    client
        .apps()
        .deployments()
        .inNamespace(ns.name())
        .resource(Workloads.withUsage(Workloads.deployment("batch", 1, Map.of()), "750m", "1Gi"))
        .create();

    controlPlane.awaitPodMetrics(ns.name(), DEADLINE);

    await()
        .atMost(DEADLINE)
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              Map<String, PodMetrics> before = podMetrics(client, ns.name());
              Map<String, Usage> all = kubectlTop(controlPlane, "pods", "-A");
              Map<String, PodMetrics> after = podMetrics(client, ns.name());
              assertThat(all.values())
                  .as("every pod kubectl top lists uses CPU and memory")
                  .allSatisfy(
                      usage -> {
                        assertThat(usage.milliCpu()).isPositive();
                        assertThat(usage.memoryMi()).isPositive();
                      });
              assertThat(after).hasSize(4);
              for (PodMetrics pod : after.values()) {
                String key = ns.name() + "/" + pod.getMetadata().getName();
                assertThat(all).containsKey(key);
                assertThat(pod.getTimestamp())
                    .isEqualTo(before.get(pod.getMetadata().getName()).getTimestamp());
                assertThat(all.get(key)).isEqualTo(Usage.of(podTotal(pod)));
                Usage usage = all.get(key);
                if (pod.getMetadata().getName().startsWith("web-")) {
                  // Half the request: 100m (a rate of KWOK's counter: allow a little jitter).
                  assertThat(usage.milliCpu()).isBetween(95L, 105L);
                  assertThat(usage.memoryMi()).isEqualTo(64L);
                } else {
                  assertThat(usage.milliCpu()).isBetween(740L, 760L);
                  assertThat(usage.memoryMi()).isEqualTo(1024L);
                }
              }
            });
  }

  @Test
  void aggregatedMetricsReaderRoleIsAggregatedToView(KubernetesClient client) {
    assertThat(client.rbac().clusterRoles().withName("view").get().getRules())
        .anySatisfy(
            rule -> {
              assertThat(rule.getApiGroups()).contains("metrics.k8s.io");
              assertThat(rule.getResources()).contains("pods", "nodes");
            });
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** What kubectl prints: millicores (rounded up) and MiB (rounded down). */
  record Usage(long milliCpu, long memoryMi) {
    static Usage of(Map<String, Quantity> usage) {
      BigDecimal cpu = usage.get("cpu").getNumericalAmount();
      BigDecimal memory = usage.get("memory").getNumericalAmount();
      return new Usage(
          cpu.movePointRight(3).setScale(0, RoundingMode.CEILING).longValueExact(),
          memory.divide(BigDecimal.valueOf(MI), 0, RoundingMode.FLOOR).longValueExact());
    }
  }

  private static Map<String, Quantity> podTotal(PodMetrics pod) {
    BigDecimal cpu = BigDecimal.ZERO;
    BigDecimal memory = BigDecimal.ZERO;
    for (var container : pod.getContainers()) {
      cpu = cpu.add(container.getUsage().get("cpu").getNumericalAmount());
      memory = memory.add(container.getUsage().get("memory").getNumericalAmount());
    }
    return Map.of(
        "cpu", new Quantity(cpu.toPlainString()), "memory", new Quantity(memory.toPlainString()));
  }

  private static Map<String, NodeMetrics> nodeMetrics(KubernetesClient client) {
    return client.top().nodes().metrics().getItems().stream()
        .collect(Collectors.toMap(m -> m.getMetadata().getName(), Function.identity()));
  }

  private static Map<String, PodMetrics> podMetrics(KubernetesClient client, String namespace) {
    return client.top().pods().metrics(namespace).getItems().stream()
        .collect(Collectors.toMap(m -> m.getMetadata().getName(), Function.identity()));
  }

  /**
   * Runs {@code kubectl top <what>} with the control plane's admin kubeconfig; by name (nodes) or
   * namespace/name (pods with -A).
   */
  private static Map<String, Usage> kubectlTop(ControlPlane controlPlane, String... what)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of("kubectl", "--kubeconfig", controlPlane.kubeconfig().toString(), "top"));
    command.addAll(List.of(what));
    command.add("--no-headers");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    boolean namespaced = List.of(what).contains("-A");
    return output
        .lines()
        .filter(line -> !line.isBlank())
        .map(line -> line.trim().split("\\s+"))
        .collect(
            Collectors.toMap(
                f -> namespaced ? f[0] + "/" + f[1] : f[0],
                f -> {
                  int cpu = namespaced ? 2 : 1;
                  // nodes: NAME CPU(cores) CPU% MEMORY(bytes) MEMORY%; pods: [NS] NAME CPU MEMORY
                  int memory = namespaced ? 3 : (what[0].equals("nodes") ? 3 : 2);
                  return new Usage(milli(f[cpu]), mebi(f[memory]));
                }));
  }

  private static long milli(String cpu) {
    return cpu.endsWith("m")
        ? Long.parseLong(cpu.substring(0, cpu.length() - 1))
        : Long.parseLong(cpu) * 1000;
  }

  private static long mebi(String memory) {
    assertThat(memory).endsWith("Mi");
    return Long.parseLong(memory.substring(0, memory.length() - 2));
  }
}
