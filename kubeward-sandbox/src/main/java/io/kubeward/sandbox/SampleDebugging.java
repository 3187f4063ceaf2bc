package io.kubeward.sandbox;

import com.sun.security.auth.module.UnixSystem;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kubeward.testkit.controlplane.ContainerLog;
import io.kubeward.testkit.controlplane.ControlPlane;
import io.kubeward.testkit.controlplane.KwokDebugging;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the sandbox's pods something to troubleshoot: each pod outside kube-system gets a log that
 * grows every couple of seconds (served by KWOK's emulated kubelet, so {@code kubectl logs -f} and
 * Kubeward's log viewer follow it), a previous container's log for crash-looping pods, and an exec
 * that runs in a scratch folder — as user {@code nobody} when the sandbox runs as root, since
 * KWOK's exec is a real process on this machine.
 */
final class SampleDebugging implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SampleDebugging.class);
  private static final Duration TICK = Duration.ofSeconds(2);
  private static final int MAX_LINES = 20_000;
  private static final long NOBODY = 65534;

  private final KwokDebugging debugging;
  private final Path folder;
  private final SharedIndexInformer<Pod> informer;
  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("sandbox-logs").daemon().factory());
  private final Map<String, Talker> talkers = new ConcurrentHashMap<>();
  private final Random random = new Random();

  private final KubernetesClient client;

  private SampleDebugging(ControlPlane plane, KubernetesClient client, Path folder) {
    this.client = client;
    this.debugging = plane.debugging();
    this.folder = folder;
    this.informer = client.pods().inAnyNamespace().inform(new Handler());
    ticker.scheduleAtFixedRate(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
  }

  static SampleDebugging start(ControlPlane plane) {
    return new SampleDebugging(
        plane, plane.newAdminClient(), plane.workDir().resolve("sandbox-debugging"));
  }

  private final class Handler implements ResourceEventHandler<Pod> {
    @Override
    public void onAdd(Pod pod) {
      String namespace = pod.getMetadata().getNamespace();
      if (!"kube-system".equals(namespace)) {
        talkers.computeIfAbsent(key(pod), k -> newTalker(pod));
      }
    }

    @Override
    public void onUpdate(Pod before, Pod after) {
      onAdd(after);
    }

    @Override
    public void onDelete(Pod pod, boolean unknownFinalState) {
      Talker talker = talkers.remove(key(pod));
      if (talker != null) {
        debugging.forget(pod.getMetadata().getNamespace(), pod.getMetadata().getName());
      }
    }
  }

  private record Talker(String namespace, String pod, String app, ContainerLog log, int[] lines) {}

  private Talker newTalker(Pod pod) {
    String namespace = pod.getMetadata().getNamespace();
    String name = pod.getMetadata().getName();
    try {
      Path dir = Files.createDirectories(folder.resolve(namespace).resolve(name));
      ContainerLog current = ContainerLog.create(dir.resolve("current.log"));
      String app = appOf(pod);
      current.append("starting " + app + " (pod " + name + ")", "listening on :8080");
      ContainerLog previous = ContainerLog.create(dir.resolve("previous.log"));
      previous.append("starting " + app, "connecting to the database");
      previous.appendStderr("panic: dial tcp 10.96.0.42:5432: connect: connection refused");
      debugging.logs(namespace, name, Map.of("", current), Map.of("", previous));
      Path scratch = Files.createDirectories(dir.resolve("exec"));
      boolean root = new UnixSystem().getUid() == 0;
      if (root) {
        scratch.toFile().setWritable(true, false);
      }
      debugging.exec(
          namespace, name, scratch, Map.of("HOME", scratch.toString()), root ? NOBODY : null);
      return new Talker(namespace, name, app, current, new int[] {2});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      log.debug("No emulated logs for {}/{}: {}", namespace, name, e.getMessage());
      throw e;
    }
  }

  private static final List<String> PATHS =
      List.of("/", "/api/items", "/api/cart", "/api/orders", "/healthz", "/metrics");

  private void tick() {
    try {
      for (Talker talker : talkers.values()) {
        if (random.nextInt(3) != 0) {
          continue;
        }
        if (talker.lines()[0] >= MAX_LINES) {
          ContainerLog.create(talker.log().file());
          talker.lines()[0] = 0;
        }
        talker.log().append(line(talker));
        talker.lines()[0]++;
      }
    } catch (RuntimeException e) {
      log.debug("Sandbox log lines: {}", e.getMessage());
    }
  }

  private String line(Talker talker) {
    int status = random.nextInt(20) == 0 ? 500 : 200;
    String level = status == 500 ? "ERROR" : "INFO";
    return "%s %s GET %s %d %dms"
        .formatted(
            level,
            talker.app(),
            PATHS.get(random.nextInt(PATHS.size())),
            status,
            2 + random.nextInt(120));
  }

  private static String appOf(Pod pod) {
    var labels = pod.getMetadata().getLabels();
    if (labels != null && labels.get("app") != null) {
      return labels.get("app");
    }
    return pod.getMetadata().getName();
  }

  private static String key(Pod pod) {
    return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    informer.close();
    client.close();
  }
}
