package io.kubeward.testkit.controlplane;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Logs, exec and port-forward of single pods, as KWOK's emulated kubelet serves them (KWOK v0.7.0
 * {@code Logs}, {@code Exec}, {@code PortForward} objects named like the pod, in its namespace), so
 * that {@code kubectl logs/exec/port-forward} — and Kubeward — go through the real apiserver to a
 * real kubelet API.
 *
 * <p>KWOK runs an exec as a <b>real process on this machine</b> (in {@code workDir}, as the test's
 * user): use it in test namespaces with harmless commands only ({@code echo}, {@code cat}, {@code
 * pwd}, {@code sh -c 'read x; echo $x'}).
 */
public final class KwokDebugging {

  static final List<String> KINDS = List.of("Logs", "Exec", "PortForward");
  static final List<String> PLURALS = List.of("logs", "execs", "portforwards");

  private static final String API_VERSION = "kwok.x-k8s.io/v1alpha1";
  private static final String FIELD_MANAGER = "kubeward-testkit";

  private final KubernetesClient client;

  KwokDebugging(KubernetesClient client) {
    this.client = client;
  }

  /** Serves every container of the pod from one log (no previous container). */
  public void logs(String namespace, String pod, ContainerLog log) {
    logs(namespace, pod, Map.of("", log), Map.of());
  }

  /**
   * Serves each named container's log from its file, and its previous container's ({@code
   * --previous}) from {@code previous}; the key {@code ""} stands for any other container.
   */
  public void logs(
      String namespace,
      String pod,
      Map<String, ContainerLog> current,
      Map<String, ContainerLog> previous) {
    List<Map<String, Object>> logs = new ArrayList<>();
    current.forEach(
        (container, log) -> {
          Map<String, Object> entry = new LinkedHashMap<>();
          if (!container.isEmpty()) {
            entry.put("containers", List.of(container));
          }
          entry.put("logsFile", log.file().toString());
          ContainerLog before = previous.get(container);
          if (before != null) {
            entry.put("previousLogsFile", before.file().toString());
          }
          entry.put("follow", true);
          logs.add(entry);
        });
    apply("Logs", namespace, pod, Map.of("logs", logs));
  }

  /**
   * Lets exec into every container of the pod run as a local process in {@code workDir} (which must
   * exist), with the variables {@code KWOK_POD=<namespace>/<pod>} and {@code env}.
   */
  public void exec(String namespace, String pod, Path workDir, Map<String, String> env) {
    List<Map<String, String>> envs = new ArrayList<>();
    envs.add(Map.of("name", "KWOK_POD", "value", namespace + "/" + pod));
    env.forEach((name, value) -> envs.add(Map.of("name", name, "value", value)));
    Map<String, Object> local =
        Map.of("workDir", workDir.toAbsolutePath().toString(), "envs", envs);
    apply("Exec", namespace, pod, Map.of("execs", List.of(Map.of("local", local))));
  }

  /** Forwards the pod's {@code podPort} to {@code 127.0.0.1:loopbackPort} on this machine. */
  public void portForward(String namespace, String pod, int podPort, int loopbackPort) {
    Map<String, Object> forward =
        Map.of(
            "ports",
            List.of(podPort),
            "target",
            Map.of("port", loopbackPort, "address", "127.0.0.1"));
    apply("PortForward", namespace, pod, Map.of("forwards", List.of(forward)));
  }

  /**
   * Waits until the apiserver returns the pod container's log (the pod is running on a KWOK node
   * and KWOK has seen its Logs object); gives the last failure when the time is up.
   */
  public void awaitLogsServed(String namespace, String pod, String container, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    KubernetesClientException last = null;
    while (System.nanoTime() < deadline) {
      try {
        client.pods().inNamespace(namespace).withName(pod).inContainer(container).getLog();
        return;
      } catch (KubernetesClientException e) {
        last = e;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException(
        "logs of " + namespace + "/" + pod + " [" + container + "] not served within " + timeout,
        last);
  }

  /** Removes what was set for the pod (all three kinds). */
  public void forget(String namespace, String pod) {
    for (String kind : KINDS) {
      client
          .genericKubernetesResources(API_VERSION, kind)
          .inNamespace(namespace)
          .withName(pod)
          .delete();
    }
  }

  private void apply(String kind, String namespace, String pod, Map<String, Object> spec) {
    GenericKubernetesResource object =
        new GenericKubernetesResourceBuilder()
            .withApiVersion(API_VERSION)
            .withKind(kind)
            .withNewMetadata()
            .withNamespace(namespace)
            .withName(pod)
            .endMetadata()
            .addToAdditionalProperties("spec", spec)
            .build();
    client
        .genericKubernetesResources(API_VERSION, kind)
        .inNamespace(namespace)
        .resource(object)
        .fieldManager(FIELD_MANAGER)
        .forceConflicts()
        .serverSideApply();
  }
}
