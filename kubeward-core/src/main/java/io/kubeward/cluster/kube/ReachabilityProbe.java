package io.kubeward.cluster.kube;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.kubeward.cluster.domain.ControlPlaneHealth;
import io.kubeward.cluster.domain.ProbeSettings;
import io.kubeward.cluster.domain.Reachability;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a cluster's API every {@link ProbeSettings#interval()}: {@code GET /version}
 * (reachability, version, round-trip latency) then {@code GET /readyz} (the apiserver's own
 * readiness). Both are readable by any authenticated user (and by default anonymously).
 *
 * <p>A probe never throws: every failure becomes an {@code UNREACHABLE} state with a one-line
 * message. Only state changes are logged. Listeners registered with {@link #onRecovery} run when
 * the cluster becomes reachable after being unreachable.
 */
public final class ReachabilityProbe {

  private static final Logger log = LoggerFactory.getLogger(ReachabilityProbe.class);

  private final String cluster;
  private final KubernetesClient client;
  private final ProbeSettings settings;
  private final Clock clock;
  private final LongSupplier nanoTime;
  private final AtomicReference<Reachability> current;
  private final List<Consumer<Reachability>> recoveryListeners = new CopyOnWriteArrayList<>();
  private volatile ScheduledFuture<?> schedule;

  /**
   * @param client a client dedicated to probing (see {@link ClusterConnection#newProbeClient})
   * @param clock source of the timestamps in {@link Reachability}
   * @param nanoTime monotonic time for the latency, {@code System::nanoTime} outside tests
   */
  public ReachabilityProbe(
      String cluster,
      KubernetesClient client,
      ProbeSettings settings,
      Clock clock,
      LongSupplier nanoTime) {
    this.cluster = cluster;
    this.client = client;
    this.settings = settings;
    this.clock = clock;
    this.nanoTime = nanoTime;
    this.current = new AtomicReference<>(Reachability.unknown(clock.instant()));
  }

  public Reachability current() {
    return current.get();
  }

  /** Runs {@code listener} each time the cluster becomes reachable after being unreachable. */
  public void onRecovery(Consumer<Reachability> listener) {
    recoveryListeners.add(listener);
  }

  /** Probes now and then every interval, on {@code scheduler}. */
  public void start(ScheduledExecutorService scheduler) {
    schedule =
        scheduler.scheduleWithFixedDelay(
            this::probeSafely, 0, settings.interval().toMillis(), TimeUnit.MILLISECONDS);
  }

  public void stop() {
    ScheduledFuture<?> s = schedule;
    if (s != null) {
      s.cancel(false);
    }
  }

  private void probeSafely() {
    try {
      probe();
    } catch (RuntimeException e) {
      // A scheduled task that throws is never run again: keep probing whatever happens.
      log.error("Cluster {}: probe failed unexpectedly", cluster, e);
    }
  }

  /** One probe, synchronously; returns (and records) the new state. */
  public Reachability probe() {
    Reachability before = current.get();
    Reachability after = check(before);
    current.set(after);
    reportTransition(before, after);
    return after;
  }

  private Reachability check(Reachability before) {
    HttpClient http = client.getHttpClient();
    String base = client.getMasterUrl().toString();
    if (!base.endsWith("/")) {
      base = base + "/";
    }
    long deadline = nanoTime.getAsLong() + settings.timeout().toNanos();
    long start = nanoTime.getAsLong();
    HttpResponse<String> version;
    try {
      version = getOnceMore(http, base + "version", settings.timeout().toNanos(), deadline);
    } catch (Exception e) {
      return before.afterFailure(clock.instant(), Failures.describe(e));
    }
    Duration latency = Duration.ofNanos(Math.max(0, nanoTime.getAsLong() - start));
    if (!version.isSuccessful()) {
      return before.afterFailure(clock.instant(), answer("GET /version", version));
    }
    String gitVersion = gitVersion(version.body());

    String readyError;
    try {
      HttpResponse<String> ready =
          get(http, base + "readyz", Math.max(1, deadline - nanoTime.getAsLong()));
      readyError = ready.code() == 200 ? null : answer("GET /readyz", ready);
    } catch (Exception e) {
      readyError = "GET /readyz: " + Failures.describe(e);
    }
    return before.afterSuccess(clock.instant(), latency, gitVersion, readyError);
  }

  /** Fetches {@code /readyz?verbose} and {@code /livez} now; never throws. */
  public ControlPlaneHealth controlPlaneHealth() {
    HttpClient http = client.getHttpClient();
    String base = client.getMasterUrl().toString();
    if (!base.endsWith("/")) {
      base = base + "/";
    }
    long timeout = settings.timeout().toNanos();
    try {
      HttpResponse<String> ready = get(http, base + "readyz?verbose", timeout);
      HttpResponse<String> live = get(http, base + "livez", timeout);
      String livez =
          live.code() == 200
              ? (live.body() == null ? "ok" : live.body().strip())
              : answer("GET /livez", live);
      return new ControlPlaneHealth(ControlPlaneHealth.parseVerbose(ready.body()), livez, null);
    } catch (Exception e) {
      return ControlPlaneHealth.unavailable(Failures.describe(e));
    }
  }

  /**
   * A request that failed before any answer (typically a pooled connection the apiserver closed
   * while it was idle or under load) is sent once more while the probe's time lasts: one stale
   * connection is not an outage. A timeout is not retried: the time is spent.
   */
  private HttpResponse<String> getOnceMore(
      HttpClient http, String uri, long timeoutNanos, long deadline) throws Exception {
    try {
      return get(http, uri, timeoutNanos);
    } catch (TimeoutException e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw e;
    } catch (Exception e) {
      long left = deadline - nanoTime.getAsLong();
      if (left <= 0) {
        throw e;
      }
      return get(http, uri, left);
    }
  }

  private static HttpResponse<String> get(HttpClient http, String uri, long timeoutNanos)
      throws Exception {
    CompletableFuture<HttpResponse<String>> response =
        http.sendAsync(http.newHttpRequestBuilder().uri(uri).build(), String.class);
    try {
      return response.get(timeoutNanos, TimeUnit.NANOSECONDS);
    } finally {
      response.cancel(true);
    }
  }

  private String gitVersion(String body) {
    try {
      Map<?, ?> info = client.getKubernetesSerialization().unmarshal(body, Map.class);
      Object value = info == null ? null : info.get("gitVersion");
      return value == null ? null : value.toString();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String answer(String request, HttpResponse<String> response) {
    String body = response.body() == null ? "" : response.body().strip();
    int newline = body.indexOf('\n');
    if (newline >= 0) {
      body = body.substring(0, newline);
    }
    if (body.length() > 200) {
      body = body.substring(0, 200) + "…";
    }
    return request + " answered " + response.code() + (body.isEmpty() ? "" : ": " + body);
  }

  private void reportTransition(Reachability before, Reachability after) {
    if (before.state() == after.state()) {
      if (after.reachable() && before.apiReady() != after.apiReady()) {
        if (after.apiReady()) {
          log.info("Cluster {}: API ready again", cluster);
        } else {
          log.warn("Cluster {}: API not ready: {}", cluster, after.lastError());
        }
      }
      return;
    }
    Instant now = after.since();
    switch (after.state()) {
      case REACHABLE -> {
        if (before.state() == Reachability.State.UNREACHABLE) {
          log.info(
              "Cluster {}: reachable again after {} s ({} {}, {} ms)",
              cluster,
              Duration.between(before.since(), now).toSeconds(),
              client.getMasterUrl(),
              after.kubernetesVersion(),
              after.latency().toMillis());
          recoveryListeners.forEach(listener -> notify(listener, after));
        } else {
          log.info(
              "Cluster {}: reachable ({} {}, {} ms)",
              cluster,
              client.getMasterUrl(),
              after.kubernetesVersion(),
              after.latency().toMillis());
        }
      }
      case UNREACHABLE ->
          log.warn(
              "Cluster {}: unreachable at {}: {}",
              cluster,
              client.getMasterUrl(),
              after.lastError());
      case UNKNOWN -> {}
    }
  }

  private void notify(Consumer<Reachability> listener, Reachability state) {
    try {
      listener.accept(state);
    } catch (RuntimeException e) {
      log.error("Cluster {}: recovery listener failed", cluster, e);
    }
  }
}
