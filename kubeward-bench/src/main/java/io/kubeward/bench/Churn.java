package io.kubeward.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measurement 4: pods created, updated (a label) and deleted at a target rate for a fixed time, in
 * the {@link #MIX} (by default mostly label updates: a merge patch is the cheapest change for the
 * apiserver, and the creates and deletes keep the pool turning over), sent by a lean HTTP/2 client
 * with pre-built bodies ({@link ChurnApi}), while three observers time each change from the moment
 * its request was sent:
 *
 * <ul>
 *   <li>the reference, a plain watch of the churn namespace in this JVM (what {@code kubectl get
 *       -w} would see);
 *   <li>Kubeward's live stream ({@code /api/v1/clusters/{c}/stream}, the console's SSE): the {@code
 *       change} event of that pod with that label;
 *   <li>the overview over the REST API: a probe creates and deletes one pod in a namespace of its
 *       own, one at a time, and polls the overview every 20 ms until that namespace's pod count
 *       followed.
 * </ul>
 *
 * Each change is recognised by the pod's name (create, delete) or by the value of its {@value
 * #SEQUENCE} label (update). The pods are bound to fake nodes, so KWOK adds its own status updates
 * on top of the rate asked for.
 */
final class Churn implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Churn.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  static final String NAMESPACE = "bench-churn";
  static final String PROBE_NAMESPACE = "bench-churn-probe";
  static final String SEQUENCE = "churn-seq";
  static final int POOL = 1_000;

  /**
   * Clients of the lean generator and requests in flight on each: 4 × 16 by default. Single runs at
   * 1,000/s asked on 2 cores: 4 × 64 reached 206/s, 4 × 16 between 158/s and 278/s, 4 × 4 165/s;
   * the rate is bound by CPU (about 12 ms of it per change over all processes), and fewer requests
   * in flight keep the queueing part of the lag small.
   */
  static final int CONNECTIONS = Integer.getInteger("kubeward.bench.churn.connections", 4);

  /** HTTP version of the churn's writes: {@code 1.1} (default) or {@code 2}. */
  static final java.net.http.HttpClient.Version HTTP_VERSION =
      "2".equals(System.getProperty("kubeward.bench.churn.http", "1.1"))
          ? java.net.http.HttpClient.Version.HTTP_2
          : java.net.http.HttpClient.Version.HTTP_1_1;

  static final int IN_FLIGHT_PER_CONNECTION =
      Integer.getInteger("kubeward.bench.churn.in-flight", 16);

  /** One create and one delete in every this many changes, the rest label updates. */
  static final ChurnPlan.Mix MIX =
      new ChurnPlan.Mix(Integer.getInteger("kubeward.bench.churn.mix-cycle", 20));

  /** The benchmark JVM's own CPU (generator, reference watch, live-stream reader, probe). */
  static final String BENCH_JVM = "bench JVM";

  private static final Duration OVERVIEW_POLL = Duration.ofMillis(20);

  record Latency(int samples, int missed, double p50Millis, double p99Millis, double maxMillis) {
    String p50p99() {
      return samples == 0 ? "—" : "%.0f / %.0f ms".formatted(p50Millis, p99Millis);
    }
  }

  record Phase(
      int targetRate,
      double seconds,
      int operations,
      int failures,
      double achievedRate,
      Latency reference,
      Latency stream,
      Latency overview,
      Latency streamAfterReference,
      Latency overviewAfterReference,
      String mix,
      int streamOverflows,
      String loadAverage,
      Map<String, String> cpu,
      Map<String, Double> cpuSeconds) {

    /**
     * Milliseconds of CPU per accepted change: the apiserver's, and all measured processes' (the
     * bound 2 cores put on the rate: 2,000 ms a second divided by the total).
     */
    String cpuPerChange() {
      if (operations == 0) {
        return "—";
      }
      double apiserver = cpuSeconds.getOrDefault("kube-apiserver", Double.NaN);
      double all = cpuSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
      return "%.1f / %.1f ms (≤ %.0f/s on 2 cores)"
          .formatted(
              1000 * apiserver / operations, 1000 * all / operations, 2.0 * operations / all);
    }
  }

  record Consistency(
      boolean equal,
      int cachePods,
      int apiPods,
      int sampled,
      int mismatched,
      double secondsToEqual) {}

  private final KubernetesClient client;
  private final ChurnApi api;
  private final ServerProcess server;
  private final String cluster;
  private final List<String> nodes;
  private final List<String> pool = new ArrayList<>();
  private final AtomicInteger overflows = new AtomicInteger();
  private long sequence;
  private volatile Recorder recorder;
  private volatile boolean closed;
  private volatile Stream<String> liveStream;
  private final List<Watch> referenceWatches = new ArrayList<>();
  private Thread streamReader;

  /**
   * {@code client} serves the observers and the probe; the churn's own writes go through a {@link
   * ChurnApi} built from {@code client}'s configuration.
   */
  Churn(KubernetesClient client, ServerProcess server, String cluster, List<String> nodes) {
    this.client = client;
    this.api =
        new ChurnApi(
            client.getConfiguration(),
            NAMESPACE,
            HTTP_VERSION,
            CONNECTIONS,
            IN_FLIGHT_PER_CONNECTION);
    this.server = server;
    this.cluster = cluster;
    this.nodes = nodes;
  }

  /**
   * Creates the namespaces and the pool of pods the churn updates and deletes; starts observers.
   */
  void prepare() {
    for (String namespace : List.of(NAMESPACE, PROBE_NAMESPACE)) {
      client
          .namespaces()
          .resource(
              new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
          .create();
    }
    Recorder warmUp = new Recorder();
    List<CompletableFuture<Boolean>> creates = new ArrayList<>();
    for (int i = 0; i < POOL; i++) {
      creates.add(nextChange(warmUp, ChurnPlan.Kind.CREATE));
    }
    long failedCreates = creates.stream().filter(f -> !f.join()).count();
    if (failedCreates > 0) {
      log.warn("{} of {} pool creates failed", failedCreates, POOL);
    }
    // A create that timed out on the busy machine may or may not have happened: keep what exists.
    var existing =
        client.pods().inNamespace(NAMESPACE).list().getItems().stream()
            .map(p -> p.getMetadata().getName())
            .collect(java.util.stream.Collectors.toSet());
    pool.retainAll(existing);
    referenceWatches.add(referenceWatch(NAMESPACE));
    referenceWatches.add(referenceWatch(PROBE_NAMESPACE));
    streamReader = Thread.ofPlatform().name("churn-live-stream").start(this::readLiveStream);
  }

  private Watch referenceWatch(String namespace) {
    return client
        .pods()
        .inNamespace(namespace)
        .watch(
            new Watcher<>() {
              @Override
              public void eventReceived(Action action, Pod pod) {
                long now = System.nanoTime();
                Recorder current = recorder;
                if (current != null) {
                  current.observe(
                      "reference",
                      action.name(),
                      pod.getMetadata().getName(),
                      pod.getMetadata().getLabels() == null
                          ? null
                          : pod.getMetadata().getLabels().get(SEQUENCE),
                      now);
                }
              }

              @Override
              public void onClose(WatcherException cause) {
                if (!closed) {
                  log.warn("reference watch closed: {}", cause.toString());
                }
              }
            });
  }

  /** Waits until the cache shows every pod of the pool Running (KWOK has done its updates). */
  void awaitPoolRunning(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    String path =
        "/api/v1/clusters/%s/resources/pods?namespace=%s&phase=Running&limit=1"
            .formatted(cluster, NAMESPACE);
    while (server.getJson(path).path("total").asInt() < pool.size()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("The churn pool did not run within " + timeout);
      }
      Fixture.pause(Duration.ofMillis(500));
    }
  }

  private void readLiveStream() {
    while (!closed) {
      try (Stream<String> lines =
          server.openEventStream("/api/v1/clusters/" + cluster + "/stream")) {
        liveStream = lines;
        String event = null;
        for (Iterator<String> it = lines.iterator(); it.hasNext(); ) {
          String line = it.next();
          if (line.startsWith("event:")) {
            event = line.substring(6).trim();
            if (event.equals("overflow")) {
              overflows.incrementAndGet();
            }
          } else if (line.startsWith("data:") && "change".equals(event)) {
            long now = System.nanoTime();
            Recorder current = recorder;
            JsonNode change = JSON.readTree(line.substring(5));
            if (current != null
                && change.path("kind").asText().equals("pods")
                && change.path("namespace").asText().equals(NAMESPACE)) {
              JsonNode label = change.path("view").path("labels").path(SEQUENCE);
              current.observe(
                  "stream",
                  change.path("type").asText(),
                  change.path("name").asText(),
                  label.isMissingNode() ? null : label.asText(),
                  now);
            }
          } else if (line.isEmpty()) {
            event = null;
          }
        }
      } catch (Exception e) {
        if (!closed) {
          log.warn("live stream ended ({}); reconnecting", e.toString());
          Fixture.pause(Duration.ofMillis(200));
        }
      }
    }
  }

  /** Runs one phase: {@code rate} changes a second for {@code duration}. */
  Phase run(int rate, Duration duration, Map<String, Long> pids) {
    Recorder current = new Recorder();
    recorder = current;
    int overflowsBefore = overflows.get();
    Map<String, Long> measured = new java.util.LinkedHashMap<>(pids);
    measured.put(BENCH_JVM, ProcessHandle.current().pid());
    CpuMeter cpu = new CpuMeter(measured).start();
    AtomicInteger done = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    OverviewProbe probe = new OverviewProbe(end, current);
    Thread prober = Thread.ofPlatform().name("churn-overview-probe").start(probe);
    List<CompletableFuture<Boolean>> sent = new ArrayList<>();
    for (long i = 0; ; i++) {
      long due = ChurnPlan.dueNanos(start, i, rate);
      if (due >= end) {
        break;
      }
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      if (System.nanoTime() >= end) {
        break;
      }
      sent.add(
          nextChange(current, MIX.kindOf(sequence + 1))
              .thenApply(
                  ok -> {
                    (ok ? done : failed).incrementAndGet();
                    return ok;
                  }));
    }
    // the phase's rate counts the changes sent within it; their answers may come a little later
    double sendSeconds = (System.nanoTime() - start) / 1e9;
    awaitAnswers(sent, Duration.ofSeconds(40));
    double seconds = sendSeconds;
    Map<String, String> cpuUse = cpu.stop();
    join(prober);
    current.awaitObserved(Duration.ofSeconds(20));
    Phase phase =
        new Phase(
            rate,
            seconds,
            done.get(),
            failed.get(),
            done.get() / seconds,
            current.latency("reference"),
            current.latency("stream"),
            probe.latency(),
            current.streamAfterReference(),
            probe.afterReference(current),
            MIX.describe(),
            overflows.get() - overflowsBefore,
            loadAverage(),
            cpuUse,
            cpu.lastSeconds());
    log.info("churn {}", phase);
    return phase;
  }

  /**
   * Sends the next change of {@code kind}, chosen here on the generator thread, through the lean
   * client; completes with whether the apiserver accepted it. Creates join the end of the pool,
   * deletes take its oldest pod, updates pick a pod from the middle of the pool (neither just
   * created nor about to be deleted). Blocks while the chosen connection is full.
   */
  private CompletableFuture<Boolean> nextChange(Recorder current, ChurnPlan.Kind kind) {
    long seq = ++sequence;
    if (kind == ChurnPlan.Kind.CREATE || pool.size() < 3) {
      String name = "churn-%08d".formatted(seq);
      String node = nodes.get((int) (seq % nodes.size()));
      pool.add(name);
      return recorded(
          current, "C:" + name, key -> api.create(seq, ChurnPlan.pod(name, node, seq), key));
    }
    if (kind == ChurnPlan.Kind.UPDATE) {
      int from = pool.size() / 3;
      String name = pool.get(from + ThreadLocalRandom.current().nextInt(pool.size() / 3));
      byte[] patch = ChurnPlan.labelPatch(seq);
      return recorded(current, "U:" + seq, key -> api.patch(seq, name, patch, key));
    }
    String name = pool.removeFirst();
    return recorded(current, "D:" + name, key -> api.delete(seq, name, key));
  }

  /** Records the send time of {@code key} when the request leaves, and forgets it if it failed. */
  private static CompletableFuture<Boolean> recorded(
      Recorder current,
      String key,
      java.util.function.Function<Runnable, CompletableFuture<Boolean>> send) {
    return send.apply(() -> current.sent(key))
        .thenApply(
            ok -> {
              if (!ok) {
                current.failed(key);
              }
              return ok;
            });
  }

  private static void awaitAnswers(List<CompletableFuture<Boolean>> sent, Duration timeout) {
    try {
      CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
          .get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      log.warn("not every churn request was answered: {}", e.toString());
    }
  }

  private static Pod pod(String name, String node, long seq) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .addToLabels("app", "churn")
        .addToLabels(SEQUENCE, Long.toString(seq))
        .endMetadata()
        .withNewSpec()
        .withNodeName(node)
        .withTerminationGracePeriodSeconds(0L)
        .addNewContainer()
        .withName("main")
        .withImage("registry.example/bench/churn:1.0")
        .endContainer()
        .endSpec()
        .build();
  }

  /**
   * After the churn: waits until the cache equals a fresh list from the API (pod count over all
   * namespaces; name and resourceVersion of every churn pod and of every pod of one fixture
   * namespace), and says how long that took or where it differs.
   */
  Consistency verify(String sampleNamespace, Duration timeout) throws Exception {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    while (true) {
      Map<String, String> api = new HashMap<>();
      Map<String, String> cache = new HashMap<>();
      for (String namespace : List.of(NAMESPACE, sampleNamespace)) {
        client
            .pods()
            .inNamespace(namespace)
            .list()
            .getItems()
            .forEach(
                p ->
                    api.put(
                        namespace + "/" + p.getMetadata().getName(),
                        p.getMetadata().getResourceVersion()));
        cache.putAll(cachedVersions(namespace));
      }
      var page =
          client.pods().inAnyNamespace().list(new ListOptionsBuilder().withLimit(1L).build());
      Long remaining = page.getMetadata().getRemainingItemCount();
      int apiPods = page.getItems().size() + (remaining == null ? 0 : remaining.intValue());
      int cachePods =
          server
              .getJson("/api/v1/clusters/" + cluster + "/overview")
              .path("pods")
              .path("total")
              .asInt();
      int mismatched = 0;
      for (var entry : api.entrySet()) {
        if (!entry.getValue().equals(cache.get(entry.getKey()))) {
          mismatched++;
        }
      }
      mismatched += (int) cache.keySet().stream().filter(k -> !api.containsKey(k)).count();
      boolean equal = mismatched == 0 && apiPods == cachePods;
      double seconds = (System.nanoTime() - start) / 1e9;
      if (equal || System.nanoTime() > deadline) {
        return new Consistency(equal, cachePods, apiPods, api.size(), mismatched, seconds);
      }
      Fixture.pause(Duration.ofMillis(500));
    }
  }

  private Map<String, String> cachedVersions(String namespace) throws Exception {
    Map<String, String> versions = new HashMap<>();
    String token = null;
    do {
      String path =
          "/api/v1/clusters/%s/resources/pods?namespace=%s&sort=name&limit=500"
                  .formatted(cluster, namespace)
              + (token == null
                  ? ""
                  : "&continue=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
      JsonNode page = server.getJson(path);
      for (JsonNode item : page.path("items")) {
        versions.put(
            namespace + "/" + item.path("name").asText(), item.path("resourceVersion").asText());
      }
      token = page.path("continue").isTextual() ? page.path("continue").asText() : null;
    } while (token != null);
    return versions;
  }

  @Override
  public void close() {
    closed = true;
    api.close();
    referenceWatches.forEach(Watch::close);
    Stream<String> lines = liveStream;
    if (lines != null) {
      lines.close();
    }
    if (streamReader != null) {
      streamReader.interrupt();
    }
  }

  /** The columns of the benchmark's churn table; {@link #tableRow} fills them. */
  static final List<String> TABLE_HEADER =
      List.of(
          "target /s",
          "achieved",
          "reference watch p50 / p99",
          "live stream p50 / p99",
          "stream / reference (p99)",
          "stream after reference p50 / p99",
          "overview p50 / p99",
          "overview after reference p50 / p99",
          "missed (reference / stream)",
          "SSE overflows",
          "load avg",
          "apiserver CPU",
          "etcd CPU",
          "Kubeward CPU",
          "bench JVM CPU (generator + observers)",
          "CPU per change: apiserver / all measured");

  /** The text above the churn table: the mix, the generator and what each column measures. */
  static String tableText(long phaseSeconds) {
    return "Pods changed in the mix "
        + MIX.describe()
        + " (a pool of "
        + POOL
        + " pods bound to KWOK nodes, which add status updates of their own; updates are JSON merge patches of one label, creates and deletes keep the pool turning over) at each target rate for "
        + phaseSeconds
        + " s on this 2-core machine, sent from the benchmark JVM by "
        + ChurnApi.describe(HTTP_VERSION, CONNECTIONS, IN_FLIGHT_PER_CONNECTION)
        + ". Lag runs from sending the request: reference = a plain watch of the namespace in the benchmark JVM (what `kubectl get -w` sees); live stream = the `change` event on `/api/v1/clusters/{c}/stream` (the console's SSE); overview = a probe pod created then deleted in a namespace of its own, one at a time, the overview polled every 20 ms until its count followed. \"After reference\" = from the reference watch seeing the same change to Kubeward showing it: Kubeward's own share of the lag, without the apiserver's queueing. Missed = changes an observer had not seen 20 s after the phase. Load avg = the machine's 1-minute load average at the end of the phase (other work on the 2 cores). CPU per process over the phase; the bench JVM's includes the generator and the three observers. CPU per change = CPU seconds of the apiserver, and of all measured processes (apiserver, etcd, KWOK, Kubeward, bench JVM; not the controller-manager and scheduler), per accepted change, with the rate that 2 fully used cores would allow at that cost. Target: p99 live-update lag ≤ 1 s at 1,000 events/s.";
  }

  static List<String> tableRow(Phase phase) {
    return List.of(
        Integer.toString(phase.targetRate()),
        "%.0f/s (%d ok, %d failed, %.0f s)"
            .formatted(phase.achievedRate(), phase.operations(), phase.failures(), phase.seconds()),
        phase.reference().p50p99(),
        phase.stream().p50p99(),
        "%.2f×".formatted(phase.stream().p99Millis() / phase.reference().p99Millis()),
        phase.streamAfterReference().p50p99(),
        phase.overview().p50p99() + " (" + phase.overview().samples() + " probes)",
        phase.overviewAfterReference().p50p99(),
        phase.reference().missed() + " / " + phase.stream().missed(),
        Integer.toString(phase.streamOverflows()),
        phase.loadAverage(),
        phase.cpu().get("kube-apiserver"),
        phase.cpu().get("etcd"),
        phase.cpu().get("kubeward"),
        phase.cpu().get(BENCH_JVM),
        phase.cpuPerChange());
  }

  /** The machine's 1-minute load average (other work competing for the 2 cores). */
  static String loadAverage() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
    } catch (java.io.IOException e) {
      return "?";
    }
  }

  private static void join(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Send times of one phase's changes and when each observer first saw each of them. Keys: {@code
   * C:name}, {@code D:name}, {@code U:seq} for the churn; {@code PC:name}, {@code PD:name} for the
   * overview probe (seen by the reference watch of the probe namespace only).
   */
  static final class Recorder {

    private final Map<String, Long> sent = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Long>> seen =
        Map.of("reference", new ConcurrentHashMap<>(), "stream", new ConcurrentHashMap<>());

    void sent(String key) {
      sent.put(key, System.nanoTime());
    }

    void sentAt(String key, long nanos) {
      sent.put(key, nanos);
    }

    void failed(String key) {
      sent.remove(key);
    }

    void observe(String observer, String type, String name, String seq, long now) {
      String prefix = name.startsWith("probe-") ? "P" : "";
      switch (type) {
        case "ADDED" -> seen(observer, prefix + "C:" + name, now);
        case "DELETED" -> seen(observer, prefix + "D:" + name, now);
        default -> {}
      }
      if (seq != null && !type.equals("DELETED") && prefix.isEmpty()) {
        seen(observer, "U:" + seq, now);
      }
    }

    private void seen(String observer, String key, long now) {
      if (sent.containsKey(key)) {
        seen.get(observer).putIfAbsent(key, now);
      }
    }

    /** When the reference watch saw {@code key}, or null. */
    Long referenceSaw(String key) {
      return seen.get("reference").get(key);
    }

    private long churnSent() {
      return sent.keySet().stream().filter(k -> !k.startsWith("P")).count();
    }

    /** Waits (bounded) until both observers saw every churn change that was sent successfully. */
    void awaitObserved(Duration timeout) {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline
          && seen.values().stream().anyMatch(s -> churnKeys(s).count() < churnSent())) {
        Fixture.pause(Duration.ofMillis(100));
      }
    }

    private java.util.stream.Stream<String> churnKeys(Map<String, Long> seenBy) {
      return seenBy.keySet().stream().filter(k -> !k.startsWith("P") && sent.containsKey(k));
    }

    /** From sending the request until {@code observer} saw the change. */
    Latency latency(String observer) {
      Map<String, Long> seenBy = seen.get(observer);
      long[] nanos =
          churnKeys(seenBy).mapToLong(k -> seenBy.get(k) - sent.get(k)).sorted().toArray();
      return Churn.latency(nanos, (int) (churnSent() - nanos.length));
    }

    /** What the live stream added: from the reference watch seeing a change to the stream. */
    Latency streamAfterReference() {
      Map<String, Long> stream = seen.get("stream");
      Map<String, Long> reference = seen.get("reference");
      long[] nanos =
          churnKeys(stream)
              .filter(reference::containsKey)
              .mapToLong(k -> Math.max(0, stream.get(k) - reference.get(k)))
              .sorted()
              .toArray();
      return Churn.latency(nanos, 0);
    }
  }

  static Latency latency(long[] sortedNanos, int missed) {
    if (sortedNanos.length == 0) {
      return new Latency(0, missed, Double.NaN, Double.NaN, Double.NaN);
    }
    return new Latency(
        sortedNanos.length,
        missed,
        QueryLoad.percentile(sortedNanos, 0.50),
        QueryLoad.percentile(sortedNanos, 0.99),
        sortedNanos[sortedNanos.length - 1] / 1e6);
  }

  /**
   * One probe pod at a time in a namespace of its own: created, then deleted, each time polling the
   * overview until that namespace's pod count followed.
   */
  private final class OverviewProbe implements Runnable {

    private final long end;
    private final Recorder recorder;
    private final List<Long> lags = new ArrayList<>();
    private final Map<String, Long> seenAt = new HashMap<>();
    private int missed;

    OverviewProbe(long end, Recorder recorder) {
      this.end = end;
      this.recorder = recorder;
    }

    @Override
    public void run() {
      long probe = 0;
      while (System.nanoTime() < end) {
        String name = "probe-%06d".formatted(probe++);
        try {
          long created = System.nanoTime();
          recorder.sentAt("PC:" + name, created);
          client
              .pods()
              .inNamespace(PROBE_NAMESPACE)
              .resource(pod(name, nodes.getFirst(), 0))
              .create();
          record("PC:" + name, awaitProbePods(1), created);
          long deleted = System.nanoTime();
          recorder.sentAt("PD:" + name, deleted);
          client.pods().inNamespace(PROBE_NAMESPACE).withName(name).withGracePeriod(0).delete();
          record("PD:" + name, awaitProbePods(0), deleted);
        } catch (Exception e) {
          missed++;
          log.warn("overview probe failed: {}", e.toString());
        }
      }
    }

    private void record(String key, long seen, long sent) {
      if (seen < 0) {
        missed++;
      } else {
        lags.add(seen - sent);
        seenAt.put(key, seen);
      }
    }

    /** From the reference watch seeing a probe change to the overview counting it. */
    Latency afterReference(Recorder recorder) {
      long[] nanos =
          seenAt.entrySet().stream()
              .filter(e -> recorder.referenceSaw(e.getKey()) != null)
              .mapToLong(e -> Math.max(0, e.getValue() - recorder.referenceSaw(e.getKey())))
              .sorted()
              .toArray();
      return Churn.latency(nanos, 0);
    }

    /** When the overview first counted {@code pods} probe pods, or -1 after 30 s. */
    private long awaitProbePods(int pods) throws Exception {
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (System.nanoTime() < deadline) {
        JsonNode overview = server.getJson("/api/v1/clusters/" + cluster + "/overview");
        long now = System.nanoTime();
        int counted = 0;
        for (JsonNode row : overview.path("perNamespace")) {
          if (row.path("namespace").asText().equals(PROBE_NAMESPACE)) {
            counted = row.path("pods").asInt();
          }
        }
        if (counted == pods) {
          return now;
        }
        LockSupport.parkNanos(OVERVIEW_POLL.toNanos());
      }
      return -1;
    }

    Latency latency() {
      long[] nanos = lags.stream().mapToLong(Long::longValue).toArray();
      Arrays.sort(nanos);
      return Churn.latency(nanos, missed);
    }
  }
}
