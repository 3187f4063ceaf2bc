package io.kubeward.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.bench.AlertingBenchmark.Latency;
import io.kubeward.testkit.controlplane.ControlPlane;
import io.kubeward.testkit.controlplane.ControlPlaneOptions;
import io.kubeward.testkit.controlplane.FakeNode;
import io.kubeward.testkit.gateway.GatewayApiCrds;
import io.kubeward.testkit.metrics.MetricsEndpoint;
import io.kubeward.testkit.prometheus.LocalPrometheus;
import io.kubeward.testkit.scenario.ReleaseScenario;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 15's release benchmark (not a test), {@code bin/benchmark release [small|full] [rounds]}:
 * the <b>abort latency</b> of a canary whose analysis starts failing.
 *
 * <p>Each round a Release of a Deployment of {@value #TOTAL} KWOK pods sets the canary to 25 % — by
 * replica ratio ({@code web}), then through a Gateway API HTTPRoute ({@code shop}; the CRDs
 * installed by {@link GatewayApiCrds}, no gateway serving it) — and runs an analysis step: one
 * PromQL check every {@link #interval} against a real Prometheus ({@link LocalPrometheus}, scraping
 * every {@link #scrape}) that reads the error ratio of a {@link MetricsEndpoint} the benchmark
 * controls, {@code failureLimit: 0}. Once the canary is up and a measurement succeeded, the
 * benchmark waits a random part of an interval (so the flip falls anywhere in the measurement
 * cycle) and flips the ratio from 0 to 0.5. Timestamps, all on this machine's clock:
 *
 * <ol>
 *   <li>{@code flip}: the new value is set at the endpoint;
 *   <li>{@code failed}: the first FAILED measurement's {@code at} in {@code status.analysis};
 *   <li>{@code restored}: the apiserver shows no live ready canary pod and every stable pod ready
 *       (replica ratio: the traffic is the stable pods'), and for Gateway API every rule of the
 *       HTTPRoute sends to the stable Service alone; polled every 50 ms.
 * </ol>
 *
 * Reported: {@code flip → failed} (detection: scrape + measurement cycle), {@code failed →
 * restored} (Kubeward's reaction: abort, router restore, scale-down) and {@code flip → restored},
 * p50/p99/max; next to it Argo Rollouts' documented behaviour with the same intervals, computed
 * (not run): detection U(0, scrape) + U(0, interval) + failureLimit × interval, and on abort either
 * a rolling update back to stable (basic canary) or traffic to stable at once and the canary
 * ReplicaSet scaled down after {@code abortScaleDownDelaySeconds} (default 30 s).
 *
 * <p>Writes the section between {@code <!-- release-<size>:begin -->} and {@code :end} of {@code
 * docs/BENCHMARKS.md} and the raw numbers to {@code docs/benchmarks-release-<size>.json}.
 */
public final class ReleaseBenchmark {

  private static final Logger log = LoggerFactory.getLogger(ReleaseBenchmark.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CLUSTER = ServerProcess.CLUSTER;
  private static final String NAMESPACE = "bench-release";
  private static final String METRIC = "bench_error_ratio";
  private static final String JOB = "bench-release-app";
  static final int TOTAL = 4;
  static final int WEIGHT = 25;
  private static final Duration ROUND_DEADLINE = Duration.ofMinutes(3);

  /** Argo Rollouts' default {@code abortScaleDownDelaySeconds} (v1.1+, traffic-routed canary). */
  static final Duration ARGO_ABORT_SCALE_DOWN_DELAY = Duration.ofSeconds(30);

  private final Path jar;
  private final Path docs;
  private final String size;
  private final int rounds;
  private final Duration scrape;
  private final Duration interval;

  private ReleaseBenchmark(Path jar, Path docs, String size, int rounds) {
    this.jar = jar;
    this.docs = docs;
    this.size = size;
    this.rounds = rounds;
    this.scrape = Duration.ofSeconds(2);
    this.interval = size.equals("full") ? Duration.ofSeconds(10) : Duration.ofSeconds(5);
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println(
          "usage: ReleaseBenchmark <server exec jar> <docs folder> [small|full] [rounds]");
      System.exit(2);
    }
    String size = args.length > 2 ? args[2] : "small";
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : size.equals("full") ? 30 : 8;
    new ReleaseBenchmark(Path.of(args[0]), Path.of(args[1]), size, rounds).run();
  }

  /**
   * The traffic routers measured, each on a Deployment of its own: replica ratio (restored = every
   * stable pod ready and no ready canary pod) and Gateway API (restored = that, and each rule of
   * the HTTPRoute back to the stable Service alone).
   */
  enum Router {
    REPLICA_RATIO("replicaRatio", "web"),
    GATEWAY_API("gatewayApi", "shop");

    final String type;
    final String app;

    Router(String type, String app) {
      this.type = type;
      this.app = app;
    }
  }

  /** One round's timestamps. */
  record Round(
      Router router,
      Instant flip,
      Instant scraped,
      Instant failed,
      Instant restored,
      String reason) {
    long detectMillis() {
      return Duration.between(flip, failed).toMillis();
    }

    long reactMillis() {
      return Duration.between(failed, restored).toMillis();
    }

    long totalMillis() {
      return Duration.between(flip, restored).toMillis();
    }
  }

  private void run() throws Exception {
    Path work = Files.createTempDirectory("kubeward-release-bench-");
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    List<FakeNode> nodes = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      nodes.add(
          FakeNode.inZone("release-bench-" + i, "zone-" + i).withCapacity("32", "128Gi", 110));
    }
    ControlPlaneOptions options =
        BenchControlPlane.withFastControllers(
                ControlPlaneOptions.builder().nodes(nodes).startTimeout(Duration.ofMinutes(5)))
            .build();
    try (ControlPlane controlPlane = ControlPlane.start(options);
        KubernetesClient kube = controlPlane.newAdminClient();
        MetricsEndpoint app =
            MetricsEndpoint.start().gauge(METRIC, "Errors per request of the new version.");
        LocalPrometheus prometheus =
            LocalPrometheus.builder().scrapeInterval(scrape).target(app.target(JOB)).start();
        ServerProcess server =
            ServerProcess.start(
                jar, controlPlane.kubewardKubeconfig(), work.resolve("server"), "1g")) {
      server.awaitSignIn(Duration.ofMinutes(3));
      send(
          server,
          "PUT",
          "/api/v1/clusters/" + CLUSTER + "/prometheus",
          Map.of(
              "url",
              prometheus.baseUrl(),
              "auth",
              "none",
              "allowPrivateAddresses",
              true,
              "timeout",
              10));
      kube.namespaces()
          .resource(
              new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
          .serverSideApply();
      awaitReleaseCrd(kube);
      Map<String, String> series = Map.of("namespace", NAMESPACE);
      app.set(METRIC, series, 0);
      prometheus.awaitSamples(METRIC + "{namespace=\"" + NAMESPACE + "\"}", Duration.ofMinutes(1));
      GatewayApiCrds.install(kube);
      List<Round> results = new ArrayList<>();
      for (Router router : Router.values()) {
        ReleaseScenario scenario = ReleaseScenario.create(kube, NAMESPACE, router.app, TOTAL);
        if (router == Router.GATEWAY_API) {
          scenario.withHttpRoute("bench-gateway");
        }
        scenario.awaitAvailable(Duration.ofMinutes(2));
        for (int round = 0; round < rounds; round++) {
          Round r = round(server, scenario, app, series, router, router.app + "-r" + round);
          log.info(
              "{} round {}: flip→failed {} ms, failed→restored {} ms, total {} ms ({})",
              router.type,
              round,
              r.detectMillis(),
              r.reactMillis(),
              r.totalMillis(),
              r.reason());
          results.add(r);
        }
      }
      double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      write(controlPlane, results, loadBefore, loadAfter);
    }
    log.info("Release benchmark done; work folder {}", work);
  }

  private Round round(
      ServerProcess server,
      ReleaseScenario web,
      MetricsEndpoint app,
      Map<String, String> series,
      Router router,
      String release)
      throws Exception {
    app.set(METRIC, series, 0);
    app.awaitScrape(Duration.ofMinutes(1));
    String path =
        "/api/v1/clusters/" + CLUSTER + "/namespaces/" + NAMESPACE + "/releases/" + release;
    send(server, "PUT", path, Map.of("spec", spec(router)));
    int canary = (TOTAL * WEIGHT + 99) / 100;
    // replica ratio takes the canary's pods from stable; a router shifts traffic and keeps stable
    web.awaitSettled(
        router == Router.REPLICA_RATIO ? TOTAL - canary : TOTAL, canary, ROUND_DEADLINE);
    ReleaseScenario.awaitValue(
        release + ": a successful measurement",
        () -> status(web, release),
        s -> measurements(s, "SUCCESSFUL") > 0,
        ROUND_DEADLINE);

    // the flip falls anywhere in the measurement cycle: a random part of one interval, on purpose
    Thread.sleep(ThreadLocalRandom.current().nextLong(interval.toMillis()));
    app.set(METRIC, series, 0.5);
    Instant flip = Instant.now();
    app.awaitScrape(Duration.ofMinutes(1));
    Instant scraped = app.lastScrape();
    Instant restored =
        ReleaseScenario.awaitValue(
            release + ": stable restored",
            () -> {
              ReleaseScenario.Pods pods = web.pods();
              boolean routed =
                  router != Router.GATEWAY_API
                      || web.routeWeights(router.app).stream()
                          .allMatch(rule -> rule.keySet().equals(Set.of(router.app)));
              return routed
                      && pods.ready(ReleaseScenario.CANARY) == 0
                      && pods.ready(ReleaseScenario.STABLE) == TOTAL
                  ? Instant.now()
                  : null;
            },
            at -> at != null,
            ROUND_DEADLINE,
            Duration.ofMillis(50));
    JsonNode status =
        ReleaseScenario.awaitValue(
            release + ": Degraded with its first FAILED measurement",
            () -> status(web, release),
            s -> "Degraded".equals(s.path("phase").asText()) && firstFailed(s) != null,
            ROUND_DEADLINE);
    Round result =
        new Round(
            router,
            flip,
            scraped,
            firstFailed(status),
            restored,
            status.path("abort").path("reason").asText());
    send(server, "DELETE", path, null);
    ReleaseScenario.awaitValue(
        release + ": its canary Deployment deleted",
        () ->
            web.client()
                .apps()
                .deployments()
                .inNamespace(NAMESPACE)
                .withName(router.app + "-" + release)
                .get(),
        d -> d == null,
        ROUND_DEADLINE);
    return result;
  }

  private Map<String, Object> spec(Router router) {
    Map<String, Object> check = new LinkedHashMap<>();
    check.put("name", "errors");
    check.put("interval", interval.toSeconds() + "s");
    check.put("count", 1000);
    check.put("failureLimit", 0);
    check.put(
        "promql",
        Map.of(
            "query",
            "max(" + METRIC + "{job=\"" + JOB + "\",namespace=\"{{namespace}}\"})",
            "successCondition",
            "< 0.05"));
    Map<String, Object> canary = new LinkedHashMap<>();
    canary.put("stableService", router.app);
    canary.put("canaryService", router.app + "-canary");
    if (router == Router.GATEWAY_API) {
      canary.put("trafficRouting", Map.of("gatewayApi", Map.of("httpRoute", router.app)));
    }
    canary.put("maxSurge", "25%");
    canary.put("maxUnavailable", 0);
    canary.put(
        "steps",
        List.of(
            Map.of("setWeight", WEIGHT),
            Map.of("analysis", Map.of("checks", List.of(check))),
            Map.of("setWeight", 100)));
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("deployment", router.app);
    spec.put(
        "version", Map.of("images", Map.of(ReleaseScenario.CONTAINER, ReleaseScenario.NEW_IMAGE)));
    spec.put("progressDeadline", "5m");
    spec.put("strategy", Map.of("canary", canary));
    return spec;
  }

  /** The Release's status from the apiserver (an empty node while there is none). */
  private static JsonNode status(ReleaseScenario web, String release) {
    var resource =
        web.client()
            .genericKubernetesResources("kubeward.io/v1alpha1", "Release")
            .inNamespace(NAMESPACE)
            .withName(release)
            .get();
    Object status = resource == null ? null : resource.getAdditionalProperties().get("status");
    return status == null ? JSON.createObjectNode() : JSON.valueToTree(status);
  }

  private static int measurements(JsonNode status, String phase) {
    int count = 0;
    for (JsonNode check : status.path("analysis").path("checks")) {
      for (JsonNode m : check.path("recent")) {
        if (phase.equals(m.path("phase").asText())) {
          count++;
        }
      }
    }
    return count;
  }

  private static Instant firstFailed(JsonNode status) {
    Instant first = null;
    for (JsonNode check : status.path("analysis").path("checks")) {
      for (JsonNode m : check.path("recent")) {
        if ("FAILED".equals(m.path("phase").asText()) && m.hasNonNull("at")) {
          Instant at = Instant.parse(m.path("at").asText());
          first = first == null || at.isBefore(first) ? at : first;
        }
      }
    }
    return first;
  }

  private static void awaitReleaseCrd(KubernetesClient kube) {
    ReleaseScenario.awaitValue(
        "the Release CRD established",
        () ->
            kube.apiextensions()
                .v1()
                .customResourceDefinitions()
                .withName("releases.kubeward.io")
                .get(),
        crd ->
            crd != null
                && crd.getStatus() != null
                && crd.getStatus().getConditions().stream()
                    .anyMatch(
                        c -> "Established".equals(c.getType()) && "True".equals(c.getStatus())),
        Duration.ofMinutes(2));
  }

  private static void send(ServerProcess server, String method, String path, Object body)
      throws Exception {
    HttpResponse<String> response = server.send(method, path, body);
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
  }

  // ---------------------------------------------------------------- the model

  /**
   * The {@code p}-th percentile (0..100) of U(0,a) + U(0,b), the detection delay of a check
   * measured every {@code b} on a value scraped every {@code a} (both phases uniform): the
   * trapezoidal distribution's inverse CDF.
   */
  static double uniformSumPercentile(double a, double b, double p) {
    double lo = Math.min(a, b);
    double hi = Math.max(a, b);
    double q = p / 100.0;
    if (lo == 0) {
      return q * hi;
    }
    double first = lo / (2 * hi); // CDF at x = lo
    if (q <= first) {
      return Math.sqrt(2 * lo * hi * q);
    }
    if (q <= 1 - first) {
      return q * hi + lo / 2;
    }
    return lo + hi - Math.sqrt(2 * lo * hi * (1 - q));
  }

  /**
   * Argo Rollouts' flip-to-failed-analysis delay with these intervals: the value reaches Prometheus
   * within a scrape, the next measurement comes within an interval, and {@code failureLimit}
   * further failed measurements are tolerated ("the maximum number of failed run an analysis is
   * allowed"), one interval apart.
   */
  static double argoDetectSeconds(double scrape, double interval, int failureLimit, double p) {
    return uniformSumPercentile(scrape, interval, p) + failureLimit * interval;
  }

  private void write(
      ControlPlane controlPlane, List<Round> results, double loadBefore, double loadAfter)
      throws Exception {
    String when =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC)
            .format(Instant.now());
    double s = scrape.toMillis() / 1000.0;
    double i = interval.toMillis() / 1000.0;
    Report report =
        new Report("release-" + size, "Releases: abort latency (issue 15, " + size + ")")
            .fact(
                "Command",
                "`bin/benchmark release "
                    + size
                    + " "
                    + rounds
                    + "` (`io.kubeward.bench.ReleaseBenchmark`, ADR 0038)")
            .fact(
                "Run",
                when
                    + ", Kubernetes "
                    + controlPlane.kubernetesVersion()
                    + ", 1-minute load average "
                    + String.format(Locale.ROOT, "%.1f before, %.1f after", loadBefore, loadAfter))
            .fact(
                "Setup",
                "the server as a separate JVM (`java -Xmx1g -jar`, default release settings); a"
                    + " Deployment of "
                    + TOTAL
                    + " KWOK pods per router, a canary Release at "
                    + WEIGHT
                    + " % (replica ratio; Gateway API on an HTTPRoute, its CRDs installed, no"
                    + " gateway serving it) with an analysis step: one PromQL check every "
                    + fmt(i)
                    + ", `failureLimit: 0`, against a real Prometheus scraping every "
                    + fmt(s)
                    + " an endpoint whose error ratio the benchmark flips from 0 to 0.5 at a"
                    + " random moment of the measurement cycle; \"restored\" = the apiserver"
                    + " shows no ready canary pod and all "
                    + TOTAL
                    + " stable pods ready and, for Gateway API, every rule of the HTTPRoute sends"
                    + " to the stable Service alone (polled every 50 ms); one clock");
    List<List<String>> rows = new ArrayList<>();
    for (Router router : Router.values()) {
      List<Round> of = results.stream().filter(r -> r.router() == router).toList();
      if (of.isEmpty()) {
        continue;
      }
      Latency detect =
          new Latency(
              "flip → first FAILED measurement", of.stream().map(Round::detectMillis).toList());
      Latency react =
          new Latency(
              "first FAILED measurement → stable restored",
              of.stream().map(Round::reactMillis).toList());
      Latency total =
          new Latency("flip → stable restored", of.stream().map(Round::totalMillis).toList());
      for (Latency l : List.of(detect, react, total)) {
        rows.add(
            List.of(
                "Kubeward, `" + router.type + "`: " + l.what(),
                Integer.toString(l.millis().size()),
                l.percentile(50) + " ms",
                l.percentile(99) + " ms",
                l.millis().stream().mapToLong(Long::longValue).max().orElse(0) + " ms"));
      }
    }
    rows.add(
        List.of(
            "Kubeward model: flip → FAILED = U(0, scrape) + U(0, interval) (computed)",
            "–",
            fmt(uniformSumPercentile(s, i, 50)),
            fmt(uniformSumPercentile(s, i, 99)),
            fmt(s + i)));
    rows.add(
        List.of(
            "Argo Rollouts, same intervals, `failureLimit: 0`: flip → AnalysisRun Failed (computed)",
            "–",
            fmt(argoDetectSeconds(s, i, 0, 50)),
            fmt(argoDetectSeconds(s, i, 0, 99)),
            fmt(s + i)));
    rows.add(
        List.of(
            "Argo Rollouts with traffic routing: + canary ReplicaSet scaled down after"
                + " `abortScaleDownDelaySeconds` (default 30 s; traffic to stable at once) (computed)",
            "–",
            fmt(argoDetectSeconds(s, i, 0, 50) + ARGO_ABORT_SCALE_DOWN_DELAY.toSeconds()),
            fmt(argoDetectSeconds(s, i, 0, 99) + ARGO_ABORT_SCALE_DOWN_DELAY.toSeconds()),
            fmt(s + i + ARGO_ABORT_SCALE_DOWN_DELAY.toSeconds())));
    rows.add(
        List.of(
            "Argo Rollouts docs' example check (`interval: 5m`, `failureLimit: 3`, scrape 30 s):"
                + " flip → AnalysisRun Failed (computed)",
            "–",
            fmt(argoDetectSeconds(30, 300, 3, 50)),
            fmt(argoDetectSeconds(30, 300, 3, 99)),
            fmt(30 + 300 + 3 * 300)));
    report.table(
        new Report.Table(
            "Abort latency",
            "Argo Rollouts is not installed: its rows are computed from its documented semantics"
                + " (docs/features/analysis.md: an AnalysisRun measures every `interval`,"
                + " `failureLimit` is \"the maximum number of failed run an analysis is allowed\","
                + " a Failed run aborts the Rollout and sets the canary weight back to zero;"
                + " docs/features/scaledown-aborted-rs.md: on abort a basic canary does a rolling"
                + " update back to stable, a traffic-routed canary is scaled down after"
                + " `abortScaleDownDelaySeconds`, nil = 30 s). Its controller's own reaction time"
                + " is not modelled (taken as 0), which favours it.",
            List.of("what", "rounds", "p50", "p99", "max"),
            rows));
    List<Map<String, Object>> raw = new ArrayList<>();
    for (Round r : results) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("router", r.router().type);
      row.put("flip", r.flip().toString());
      row.put("scraped", r.scraped() == null ? null : r.scraped().toString());
      row.put("failed", r.failed().toString());
      row.put("restored", r.restored().toString());
      row.put("abortReason", r.reason());
      row.put("detectMillis", r.detectMillis());
      row.put("reactMillis", r.reactMillis());
      row.put("totalMillis", r.totalMillis());
      raw.add(row);
    }
    report.raw("scrapeSeconds", s).raw("intervalSeconds", i).raw("rounds", raw);
    report.write(
        docs.resolve("BENCHMARKS.md"), docs.resolve("benchmarks-release-" + size + ".json"));
    System.out.println(report.markdown());
  }

  private static String fmt(double seconds) {
    return AlertingBenchmark.fmtSeconds(seconds);
  }
}
