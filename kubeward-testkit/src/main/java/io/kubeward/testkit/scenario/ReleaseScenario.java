package io.kubeward.testkit.scenario;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.testkit.Workloads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The starting point of a release test: a Deployment {@code app} of {@code replicas} KWOK pods
 * (image {@link #STABLE_IMAGE}, container {@value #CONTAINER}, labels {@code app=<app>}) and a
 * Service {@code app} selecting them, optionally an Ingress and a Gateway API HTTPRoute in front of
 * the Service. Everything the assertions read comes <b>from the apiserver</b> (a LIST per call, not
 * a cache): the pods per track and version, a Service's selector and the pods behind its
 * EndpointSlices, the HTTPRoute's backend weights and the Events about an object.
 *
 * <p>Pods of a Release's new version carry {@code kubeward.io/release-track=canary} (canary and
 * blue-green's green pods alike); every other pod of the app counts as stable. The version of a pod
 * is the image of its container {@value #CONTAINER}.
 */
public final class ReleaseScenario {

  /** The image of the Deployment's pods when the scenario starts. */
  public static final String STABLE_IMAGE = Workloads.IMAGE;

  /** The image a test's Release rolls out. */
  public static final String NEW_IMAGE = "registry.example/app:2";

  /** The container of the scenario's pods. */
  public static final String CONTAINER = "app";

  public static final String TRACK_LABEL = "kubeward.io/release-track";
  public static final String CANARY = "canary";
  public static final String STABLE = "stable";
  public static final String HASH_LABEL = "pod-template-hash";

  public static final String GATEWAY_GROUP_VERSION = "gateway.networking.k8s.io/v1";
  public static final String HTTP_ROUTE = "HTTPRoute";

  private static final Duration POLL = Duration.ofMillis(250);

  private final KubernetesClient client;
  private final String namespace;
  private final String app;
  private final int replicas;

  private ReleaseScenario(KubernetesClient client, String namespace, String app, int replicas) {
    this.client = client;
    this.namespace = namespace;
    this.app = app;
    this.replicas = replicas;
  }

  /**
   * Creates the Deployment {@code app} ({@code replicas} pods on any KWOK node) and the Service
   * {@code app} (port 80 → 8080, selector {@code app=<app>}) in {@code namespace}.
   */
  public static ReleaseScenario create(
      KubernetesClient client, String namespace, String app, int replicas) {
    client.apps().deployments().inNamespace(namespace).resource(deployment(app, replicas)).create();
    client.services().inNamespace(namespace).resource(service(app, Map.of("app", app))).create();
    return new ReleaseScenario(client, namespace, app, replicas);
  }

  /** The scenario's Deployment: {@link Workloads#deployment} with a port on its container. */
  public static Deployment deployment(String app, int replicas) {
    Deployment deployment = Workloads.deployment(app, replicas, Map.of());
    Container container = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
    container.setName(CONTAINER);
    container.setPorts(
        List.of(
            new io.fabric8.kubernetes.api.model.ContainerPortBuilder()
                .withName("http")
                .withContainerPort(8080)
                .build()));
    deployment.getSpec().setRevisionHistoryLimit(10);
    return deployment;
  }

  /** A ClusterIP Service {@code name} on port 80 (→ 8080) with this selector. */
  public static Service service(String name, Map<String, String> selector) {
    return new ServiceBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withSelector(selector)
        .addNewPort()
        .withName("http")
        .withPort(80)
        .withTargetPort(new IntOrString(8080))
        .endPort()
        .endSpec()
        .build();
  }

  /** Also a Service {@code name} selecting the app's pods (e.g. a preview Service made by hand). */
  public ReleaseScenario withService(String name, Map<String, String> selector) {
    client.services().inNamespace(namespace).resource(service(name, selector)).create();
    return this;
  }

  /**
   * Also an Ingress {@code app} of class {@code ingressClass} (host {@code <app>.example}, path
   * {@code /} to the Service {@code app}).
   */
  public ReleaseScenario withIngress(String ingressClass) {
    Ingress ingress =
        new IngressBuilder()
            .withNewMetadata()
            .withName(app)
            .endMetadata()
            .withNewSpec()
            .withIngressClassName(ingressClass)
            .addNewRule()
            .withHost(app + ".example")
            .withNewHttp()
            .addNewPath()
            .withPath("/")
            .withPathType("Prefix")
            .withNewBackend()
            .withNewService()
            .withName(app)
            .withNewPort()
            .withNumber(80)
            .endPort()
            .endService()
            .endBackend()
            .endPath()
            .endHttp()
            .endRule()
            .endSpec()
            .build();
    client.network().v1().ingresses().inNamespace(namespace).resource(ingress).create();
    return this;
  }

  /**
   * Also an HTTPRoute {@code app} (Gateway API v1; its CRDs must be installed) attached to the
   * Gateway {@code gateway} (which need not exist: no implementation serves it), with one rule
   * sending {@code /} to the Service {@code app} port 80.
   */
  public ReleaseScenario withHttpRoute(String gateway) {
    Map<String, Object> backend = new LinkedHashMap<>();
    backend.put("name", app);
    backend.put("port", 80);
    Map<String, Object> rule = new LinkedHashMap<>();
    rule.put("matches", List.of(Map.of("path", Map.of("type", "PathPrefix", "value", "/"))));
    rule.put("backendRefs", List.of(backend));
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("parentRefs", List.of(Map.of("name", gateway)));
    spec.put("hostnames", List.of(app + ".example"));
    spec.put("rules", List.of(rule));
    GenericKubernetesResource route =
        new GenericKubernetesResourceBuilder()
            .withApiVersion(GATEWAY_GROUP_VERSION)
            .withKind(HTTP_ROUTE)
            .withNewMetadata()
            .withName(app)
            .withNamespace(namespace)
            .endMetadata()
            .addToAdditionalProperties("spec", spec)
            .build();
    client
        .genericKubernetesResources(GATEWAY_GROUP_VERSION, HTTP_ROUTE)
        .inNamespace(namespace)
        .resource(route)
        .create();
    return this;
  }

  public String namespace() {
    return namespace;
  }

  public String app() {
    return app;
  }

  /** The Deployment's replicas when the scenario was created: what 100 % means. */
  public int replicas() {
    return replicas;
  }

  public KubernetesClient client() {
    return client;
  }

  // ------------------------------------------------------------------------------ pods

  /** One pod of the app as the apiserver shows it. */
  public record PodState(
      String name,
      String track,
      String image,
      String templateHash,
      boolean ready,
      boolean terminating,
      Map<String, String> labels) {}

  /** The app's pods at one moment, with counts per track and version. */
  public record Pods(List<PodState> all) {

    public Pods {
      all = List.copyOf(all);
    }

    /** Pods not being deleted. */
    public List<PodState> live() {
      return all.stream().filter(p -> !p.terminating()).toList();
    }

    /** Live pods of a track ({@link #CANARY} or {@link #STABLE}). */
    public int count(String track) {
      return (int) live().stream().filter(p -> p.track().equals(track)).count();
    }

    /** Live, ready pods of a track. */
    public int ready(String track) {
      return (int) live().stream().filter(p -> p.track().equals(track) && p.ready()).count();
    }

    /** Live pods running {@code image}. */
    public int withImage(String image) {
      return (int) live().stream().filter(p -> p.image().equals(image)).count();
    }

    /** Live, ready pods running {@code image}. */
    public int readyWithImage(String image) {
      return (int) live().stream().filter(p -> p.image().equals(image) && p.ready()).count();
    }

    /** Names of the live pods matching {@code filter}. */
    public Set<String> names(Predicate<PodState> filter) {
      return live().stream()
          .filter(filter)
          .map(PodState::name)
          .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Exactly {@code canary} canary and {@code stable} stable pods are live and all of them ready.
     */
    public boolean settledAt(int stable, int canary) {
      return count(STABLE) == stable
          && ready(STABLE) == stable
          && count(CANARY) == canary
          && ready(CANARY) == canary;
    }

    @Override
    public String toString() {
      Map<String, String> byGroup = new TreeMap<>();
      Map<String, List<PodState>> groups =
          all.stream()
              .collect(
                  Collectors.groupingBy(
                      p -> p.track() + " " + p.image() + (p.terminating() ? " (terminating)" : ""),
                      TreeMap::new,
                      Collectors.toList()));
      groups.forEach(
          (key, pods) ->
              byGroup.put(
                  key,
                  pods.stream().filter(PodState::ready).count() + "/" + pods.size() + " ready"));
      return byGroup.toString();
    }
  }

  /** The app's pods ({@code app=<app>}), listed from the apiserver now. */
  public Pods pods() {
    List<PodState> pods = new ArrayList<>();
    for (Pod pod : client.pods().inNamespace(namespace).withLabel("app", app).list().getItems()) {
      Map<String, String> labels =
          pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels();
      String image =
          pod.getSpec().getContainers().stream()
              .filter(c -> CONTAINER.equals(c.getName()))
              .map(Container::getImage)
              .findFirst()
              .orElse("");
      pods.add(
          new PodState(
              pod.getMetadata().getName(),
              CANARY.equals(labels.get(TRACK_LABEL)) ? CANARY : STABLE,
              image,
              labels.getOrDefault(HASH_LABEL, ""),
              isReady(pod),
              pod.getMetadata().getDeletionTimestamp() != null,
              Map.copyOf(labels)));
    }
    pods.sort(Comparator.comparing(PodState::name));
    return new Pods(pods);
  }

  private static boolean isReady(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
      return false;
    }
    return pod.getStatus().getConditions().stream()
        .anyMatch((PodCondition c) -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /**
   * Waits until the pods match {@code condition}; at the deadline throws an {@link AssertionError}
   * naming {@code what} and the pods last seen. Returns the matching pods.
   */
  public Pods awaitPods(String what, Predicate<Pods> condition, Duration timeout) {
    return awaitValue(what, this::pods, condition, timeout);
  }

  /**
   * Waits until exactly {@code stable} stable and {@code canary} canary pods are live and ready.
   */
  public Pods awaitSettled(int stable, int canary, Duration timeout) {
    return awaitPods(
        stable + " stable and " + canary + " canary pods ready",
        p -> p.settledAt(stable, canary),
        timeout);
  }

  /** Waits until every pod of the Deployment is ready and nothing else is live. */
  public ReleaseScenario awaitAvailable(Duration timeout) {
    awaitSettled(replicas, 0, timeout);
    return this;
  }

  // ------------------------------------------------------------------------------ services

  /** A Service's selector now (empty when it has none or does not exist). */
  public Map<String, String> selector(String service) {
    Service s = client.services().inNamespace(namespace).withName(service).get();
    return s == null || s.getSpec().getSelector() == null
        ? Map.of()
        : new TreeMap<>(s.getSpec().getSelector());
  }

  /** A Service's annotations now (empty when it does not exist). */
  public Map<String, String> annotations(String service) {
    Service s = client.services().inNamespace(namespace).withName(service).get();
    return s == null || s.getMetadata().getAnnotations() == null
        ? Map.of()
        : new TreeMap<>(s.getMetadata().getAnnotations());
  }

  /**
   * The pods behind a Service: the names in the {@code targetRef}s of its EndpointSlices' ready
   * endpoints, as the endpoint slice controller wrote them.
   */
  public Set<String> endpoints(String service) {
    Set<String> pods = new TreeSet<>();
    for (EndpointSlice slice :
        client
            .discovery()
            .v1()
            .endpointSlices()
            .inNamespace(namespace)
            .withLabel("kubernetes.io/service-name", service)
            .list()
            .getItems()) {
      if (slice.getEndpoints() == null) {
        continue;
      }
      for (Endpoint endpoint : slice.getEndpoints()) {
        boolean ready =
            endpoint.getConditions() == null
                || !Boolean.FALSE.equals(endpoint.getConditions().getReady());
        if (ready && endpoint.getTargetRef() != null) {
          pods.add(endpoint.getTargetRef().getName());
        }
      }
    }
    return pods;
  }

  /** Waits until the Service's endpoints are exactly these pods. */
  public Set<String> awaitEndpoints(String service, Set<String> pods, Duration timeout) {
    return awaitValue(
        "the endpoints of Service " + service + " = " + pods,
        () -> endpoints(service),
        e -> e.equals(new TreeSet<>(pods)),
        timeout);
  }

  // ------------------------------------------------------------------------------ routes

  /** The HTTPRoute {@code name} as the apiserver has it, or {@code null}. */
  public GenericKubernetesResource httpRoute(String name) {
    return client
        .genericKubernetesResources(GATEWAY_GROUP_VERSION, HTTP_ROUTE)
        .inNamespace(namespace)
        .withName(name)
        .get();
  }

  /**
   * The backends of each rule of the HTTPRoute {@code name} (rules in order): Service name →
   * weight, where an absent weight is Gateway API's default 1. Rules with {@code matches} on a
   * header are included as they are.
   */
  @SuppressWarnings("unchecked")
  public List<Map<String, Integer>> routeWeights(String name) {
    GenericKubernetesResource route = httpRoute(name);
    if (route == null) {
      return List.of();
    }
    Map<String, Object> spec = (Map<String, Object>) route.getAdditionalProperties().get("spec");
    List<Map<String, Integer>> rules = new ArrayList<>();
    for (Object rule : (List<Object>) spec.getOrDefault("rules", List.of())) {
      Map<String, Integer> weights = new LinkedHashMap<>();
      Object refs = ((Map<String, Object>) rule).get("backendRefs");
      if (refs instanceof List<?> list) {
        for (Object ref : list) {
          Map<String, Object> backend = (Map<String, Object>) ref;
          Object weight = backend.get("weight");
          weights.put(
              String.valueOf(backend.get("name")), weight instanceof Number n ? n.intValue() : 1);
        }
      }
      rules.add(weights);
    }
    return rules;
  }

  /** The rules of the HTTPRoute {@code name} as maps, in order. */
  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> routeRules(String name) {
    GenericKubernetesResource route = httpRoute(name);
    if (route == null) {
      return List.of();
    }
    Map<String, Object> spec = (Map<String, Object>) route.getAdditionalProperties().get("spec");
    return (List<Map<String, Object>>) spec.getOrDefault("rules", List.of());
  }

  // ------------------------------------------------------------------------------ scale history

  /**
   * Starts recording every change of {@code spec.replicas} of the namespace's Deployments (a watch
   * on the apiserver): the evidence that no step was done twice is a history without a step back.
   */
  public ReplicaHistory recordReplicas() {
    return new ReplicaHistory(client, namespace);
  }

  /** {@code spec.replicas} of each Deployment of a namespace over time, as watched. */
  public static final class ReplicaHistory implements AutoCloseable {

    private final Map<String, List<Integer>> history = new LinkedHashMap<>();
    private final io.fabric8.kubernetes.client.Watch watch;

    ReplicaHistory(KubernetesClient client, String namespace) {
      this.watch =
          client
              .apps()
              .deployments()
              .inNamespace(namespace)
              .watch(
                  new io.fabric8.kubernetes.client.Watcher<>() {
                    @Override
                    public void eventReceived(Action action, Deployment deployment) {
                      if (action == Action.ADDED || action == Action.MODIFIED) {
                        record(
                            deployment.getMetadata().getName(), deployment.getSpec().getReplicas());
                      } else if (action == Action.DELETED) {
                        record(deployment.getMetadata().getName(), null);
                      }
                    }

                    @Override
                    public void onClose(io.fabric8.kubernetes.client.WatcherException cause) {
                      // the test reads what was recorded until then
                    }
                  });
    }

    private synchronized void record(String deployment, Integer replicas) {
      List<Integer> values = history.computeIfAbsent(deployment, d -> new ArrayList<>());
      int value = replicas == null ? -1 : replicas;
      if (values.isEmpty() || values.getLast() != value) {
        values.add(value);
      }
    }

    /**
     * The successive values of a Deployment's {@code spec.replicas} (consecutive repeats dropped;
     * {@code -1} when it was deleted).
     */
    public synchronized List<Integer> of(String deployment) {
      return List.copyOf(history.getOrDefault(deployment, List.of()));
    }

    @Override
    public synchronized String toString() {
      return history.toString();
    }

    @Override
    public void close() {
      watch.close();
    }
  }

  // ------------------------------------------------------------------------------ events

  /**
   * The core/v1 Events about an object of the namespace ({@code involvedObject} kind and name),
   * oldest first.
   */
  public List<Event> events(String kind, String name) {
    return client.v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> e.getInvolvedObject() != null)
        .filter(e -> kind.equals(e.getInvolvedObject().getKind()))
        .filter(e -> name.equals(e.getInvolvedObject().getName()))
        .sorted(
            Comparator.comparing((Event e) -> Objects.requireNonNullElse(e.getFirstTimestamp(), ""))
                .thenComparing(e -> e.getMetadata().getCreationTimestamp()))
        .toList();
  }

  /**
   * How many times Events of this reason were recorded about the object (the sum of the Events'
   * {@code count}, so an aggregated Event counts as often as it happened).
   */
  public int eventCount(String kind, String name, String reason) {
    return events(kind, name).stream()
        .filter(e -> reason.equals(e.getReason()))
        .mapToInt(e -> e.getCount() == null ? 1 : e.getCount())
        .sum();
  }

  // ------------------------------------------------------------------------------ waiting

  /**
   * Polls {@code read} until {@code condition} holds; at the deadline throws an {@link
   * AssertionError} naming {@code what} and the last value read.
   */
  public static <T> T awaitValue(
      String what, Supplier<T> read, Predicate<T> condition, Duration timeout) {
    return awaitValue(what, read, condition, timeout, POLL);
  }

  /** As {@link #awaitValue(String, Supplier, Predicate, Duration)}, polling every {@code poll}. */
  public static <T> T awaitValue(
      String what, Supplier<T> read, Predicate<T> condition, Duration timeout, Duration poll) {
    long deadline = System.nanoTime() + timeout.toNanos();
    T last = null;
    RuntimeException failure = null;
    while (true) {
      try {
        last = read.get();
        failure = null;
        if (condition.test(last)) {
          return last;
        }
      } catch (RuntimeException e) {
        failure = e; // the apiserver may be briefly busy: keep polling until the deadline
      }
      if (System.nanoTime() > deadline) {
        AssertionError error =
            new AssertionError(
                "Not within " + timeout + ": " + what + "; last seen: " + last, failure);
        throw error;
      }
      pause(poll);
    }
  }

  /**
   * A negative assertion over a named window: reads {@code read} every poll for {@code during} and
   * throws an {@link AssertionError} naming {@code what} and the value the first time {@code
   * invariant} does not hold. Returns the number of reads.
   */
  public static <T> int assertDuring(
      String what, Supplier<T> read, Predicate<T> invariant, Duration during) {
    long end = System.nanoTime() + during.toNanos();
    int reads = 0;
    do {
      T value = read.get();
      reads++;
      if (!invariant.test(value)) {
        throw new AssertionError("Broken after " + reads + " reads: " + what + "; seen: " + value);
      }
      pause();
    } while (System.nanoTime() < end);
    return reads;
  }

  private static void pause() {
    pause(POLL);
  }

  private static void pause(Duration poll) {
    try {
      Thread.sleep(poll); // polling the apiserver between two checks of a condition
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
