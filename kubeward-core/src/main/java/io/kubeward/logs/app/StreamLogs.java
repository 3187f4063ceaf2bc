package io.kubeward.logs.app;

import io.kubeward.access.app.AccessDeniedException;
import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.NamespaceVisibility;
import io.kubeward.access.domain.Verb;
import io.kubeward.cluster.app.ClusterApiException;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.ContainerResources;
import io.kubeward.cluster.domain.IndexedViews;
import io.kubeward.cluster.domain.Indexes;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.LabelSelector;
import io.kubeward.cluster.domain.OwnerRef;
import io.kubeward.cluster.domain.PodPhase;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.common.KubewardException;
import io.kubeward.common.Names;
import io.kubeward.logs.domain.LogEvent;
import io.kubeward.logs.domain.LogLimits;
import io.kubeward.logs.domain.LogOptions;
import io.kubeward.logs.domain.LogRequest;
import io.kubeward.logs.domain.LogRequestException;
import io.kubeward.logs.domain.LogRequests;
import io.kubeward.logs.domain.PodColours;
import io.kubeward.logs.domain.TailTarget;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Use cases: container logs through the apiserver with the caller's identity (ADR 0013, ADR 0024).
 * One container ({@link #pod}), a multi-pod tail by label selector or workload ({@link #tail}: pods
 * from the shared cache, joining and leaving while following, at most {@code max-pods-per-tail}),
 * and a bounded plain-text download ({@link #download}). Every stream and download takes one of the
 * caller's {@code max-streams-per-user} slots until it ends. Before anything is sent, {@link
 * Authorizer#require} checks the caller's API token scope and, where Kubeward may not impersonate
 * (then its own client reads), the caller's Kubeward grants for the namespace.
 */
public final class StreamLogs {

  private final ClusterReads reads;
  private final Authorizer authorizer;
  private final PodLogs logs;
  private final LogLimits limits;
  private final Clock clock;
  private final LogSlots slots;

  public StreamLogs(
      ClusterReads reads, Authorizer authorizer, PodLogs logs, LogLimits limits, Clock clock) {
    this.reads = reads;
    this.authorizer = authorizer;
    this.logs = logs;
    this.limits = limits;
    this.clock = clock;
    this.slots = new LogSlots(limits.maxStreamsPerUser());
  }

  public LogLimits limits() {
    return limits;
  }

  /** Open log streams and downloads of {@code user} in this replica. */
  public int openStreams(String user) {
    return slots.open(user);
  }

  /**
   * One container's log. The apiserver's answer is awaited here, so its refusal (403 without {@code
   * get pods/log}, no such pod or container, no previous container) is thrown, not streamed.
   */
  public LogStream pod(
      Caller caller,
      String cluster,
      String namespace,
      String pod,
      LogRequest request,
      Consumer<LogEvent> sink) {
    requireNames(namespace, pod);
    LogOptions options = LogRequests.validate(request, limits, clock.instant());
    authorizer.require(caller, Verb.READ, cluster, namespace);
    if (options.container() == null) {
      String only = onlyContainer(cluster, namespace, pod);
      if (only != null) {
        options = options.forContainer(only);
      }
    }
    Runnable release = slots.acquire(caller.username());
    try {
      InputStream body = logs.open(caller, cluster, namespace, pod, options);
      Single stream = new Single(options, release, sink);
      String container = options.container() == null ? "" : options.container();
      int colour = PodColours.of(pod);
      sink.accept(
          new LogEvent.Joined(
              pod, container.isEmpty() ? List.of() : List.of(container), colour, true));
      stream.reader =
          new ContainerReader(
                  pod,
                  container,
                  colour,
                  options.timestamps(),
                  limits.maxLineLength(),
                  sink,
                  stream::touch,
                  () -> stream.ended())
              .start(body);
      return stream;
    } catch (RuntimeException e) {
      release.run();
      throw e;
    }
  }

  /**
   * Copies one container's log (never followed) to {@code out}, at most {@code limitBytes} bytes.
   */
  public void download(
      Caller caller,
      String cluster,
      String namespace,
      String pod,
      LogRequest request,
      OutputStream out)
      throws IOException {
    requireNames(namespace, pod);
    LogRequest once =
        new LogRequest(
            request.container(),
            false,
            request.previous(),
            request.timestamps(),
            request.since(),
            request.sinceTime(),
            request.tailLines(),
            request.limitBytes());
    LogOptions options = LogRequests.validate(once, limits, clock.instant());
    authorizer.require(caller, Verb.READ, cluster, namespace);
    Runnable release = slots.acquire(caller.username());
    try (InputStream body = logs.open(caller, cluster, namespace, pod, options)) {
      long left = options.limitBytes();
      byte[] buffer = new byte[16 * 1024];
      int n;
      while (left > 0 && (n = body.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
        out.write(buffer, 0, n);
        left -= n;
      }
    } finally {
      release.run();
    }
  }

  /**
   * The logs of the pods of a label selector or a workload in one namespace, as the cache knows
   * them: pods that run (or ran) now are followed at once; while following, a matching pod that
   * starts running joins and a followed pod that is deleted leaves. Exactly one of {@code selector}
   * and {@code workloadKind}+{@code workloadName}.
   *
   * @throws AccessDeniedException if the caller may not list pods in {@code namespace}
   */
  public LogStream tail(
      Caller caller,
      String cluster,
      String namespace,
      @Nullable String selector,
      @Nullable String workloadKind,
      @Nullable String workloadName,
      LogRequest request,
      Consumer<LogEvent> sink) {
    if (!Names.isNamespace(namespace)) {
      throw LogRequestException.invalidOption("namespace", namespace, "a namespace name");
    }
    LogOptions options = LogRequests.validate(request, limits, clock.instant());
    TailTarget target = target(selector, workloadKind, workloadName);
    Set<CachedKind> kinds =
        switch (target) {
          case TailTarget.Workload w when w.kind().equals("Deployment") ->
              Set.of(CachedKind.PODS, CachedKind.REPLICASETS, CachedKind.DEPLOYMENTS);
          case TailTarget.Workload w when w.kind().equals("CronJob") ->
              Set.of(CachedKind.PODS, CachedKind.JOBS, CachedKind.CRONJOBS);
          case TailTarget.Workload w -> Set.of(CachedKind.PODS, cachedKind(w.kind()));
          case TailTarget.Selector s -> Set.of(CachedKind.PODS);
        };
    ManagedCluster managed = reads.ready(cluster, kinds);
    authorizer.require(caller, Verb.READ, managed.name(), namespace);
    NamespaceVisibility visible = reads.visible(caller, managed, CachedKind.PODS);
    if (!visible.includes(namespace)) {
      throw new AccessDeniedException(caller.username(), Verb.READ, managed.name(), namespace);
    }
    if (target instanceof TailTarget.Workload w
        && managed.views(cachedKind(w.kind())).view(namespace + "/" + w.name()) == null) {
      throw ClusterApiException.notFound(managed.name(), w.kind(), namespace, w.name());
    }
    Runnable release = slots.acquire(caller.username());
    Tail tail = new Tail(caller, managed, namespace, target, options, release, sink);
    try {
      tail.start();
      return tail;
    } catch (RuntimeException e) {
      tail.close();
      throw e;
    }
  }

  private static TailTarget target(
      @Nullable String selector, @Nullable String workloadKind, @Nullable String workloadName) {
    boolean bySelector = selector != null && !selector.isBlank();
    boolean byWorkload = workloadKind != null && !workloadKind.isBlank();
    if (bySelector == byWorkload) {
      throw LogRequestException.invalidOption(
          "selector", bySelector ? selector : "", "either a label selector or a workload");
    }
    if (bySelector) {
      if (selector.length() > 1024) {
        throw LogRequestException.invalidOption(
            "selector", selector.substring(0, 64) + "…", "at most 1024 characters");
      }
      try {
        LabelSelector parsed = LabelSelector.parse(selector);
        if (parsed.isEmpty()) {
          throw LogRequestException.invalidOption("selector", selector, "a non-empty selector");
        }
        return new TailTarget.Selector(parsed, selector);
      } catch (IllegalArgumentException e) { // InvalidSelectorException and any other refusal
        throw LogRequestException.invalidOption("selector", selector, "a label selector");
      }
    }
    String kind = TailTarget.workloadKind(workloadKind);
    if (workloadName == null || !Names.isObjectName(workloadName)) {
      throw LogRequestException.invalidOption("workloadName", workloadName, "an object name");
    }
    return new TailTarget.Workload(kind, workloadName);
  }

  private static CachedKind cachedKind(String kind) {
    return switch (kind) {
      case "Deployment" -> CachedKind.DEPLOYMENTS;
      case "StatefulSet" -> CachedKind.STATEFULSETS;
      case "DaemonSet" -> CachedKind.DAEMONSETS;
      case "ReplicaSet" -> CachedKind.REPLICASETS;
      case "CronJob" -> CachedKind.CRONJOBS;
      default -> CachedKind.JOBS;
    };
  }

  private static void requireNames(String namespace, String pod) {
    if (!Names.isNamespace(namespace)) {
      throw LogRequestException.invalidOption("namespace", namespace, "a namespace name");
    }
    if (!Names.isObjectName(pod)) {
      throw LogRequestException.invalidOption("pod", pod, "a pod name");
    }
  }

  /** The pod's only container as the cache knows it, else {@code null} (the apiserver decides). */
  private @Nullable String onlyContainer(String cluster, String namespace, String pod) {
    try {
      ManagedCluster managed = reads.known(cluster);
      if (!managed.cacheSynced(Set.of(CachedKind.PODS))) {
        return null;
      }
      KubeObjectView view = managed.views(CachedKind.PODS).view(namespace + "/" + pod);
      if (view instanceof PodView p && p.containers().size() == 1) {
        return p.containers().getFirst().name();
      }
    } catch (KubewardException | UnsupportedOperationException e) {
      return null;
    }
    return null;
  }

  /** Deadlines shared by both kinds of stream. */
  private abstract class Timed implements LogStream {
    final LogOptions options;
    final Instant started = clock.instant();
    volatile Instant lastLine = started;

    Timed(LogOptions options) {
      this.options = options;
    }

    void touch() {
      lastLine = clock.instant();
    }

    @Override
    public @Nullable String expired(Instant now) {
      if (Duration.between(started, now).compareTo(limits.maxDuration()) >= 0) {
        return "max-duration";
      }
      if (options.follow()
          && Duration.between(lastLine, now).compareTo(limits.idleTimeout()) >= 0) {
        return "idle";
      }
      return null;
    }
  }

  private final class Single extends Timed {
    final Runnable release;
    final Consumer<LogEvent> sink;
    volatile ContainerReader reader;
    volatile boolean closed;

    Single(LogOptions options, Runnable release, Consumer<LogEvent> sink) {
      super(options);
      this.release = release;
      this.sink = sink;
    }

    void ended() {
      if (!closed) {
        sink.accept(new LogEvent.Finished("finished"));
      }
    }

    @Override
    public void close() {
      closed = true;
      ContainerReader r = reader;
      if (r != null) {
        r.close();
      }
      release.run();
    }
  }

  /** A multi-pod tail: the followed pods and their readers, changed under its own lock. */
  private final class Tail extends Timed {
    final Caller caller;
    final ManagedCluster cluster;
    final String namespace;
    final TailTarget target;
    final Runnable release;
    final Consumer<LogEvent> sink;
    final Map<String, List<ContainerReader>> followed = new LinkedHashMap<>();
    final Set<String> skipped = new java.util.TreeSet<>();
    final Map<String, Integer> restarts = new java.util.HashMap<>();
    final Consumer<io.kubeward.cluster.domain.ViewChange> listener = this::changed;
    int running;
    boolean closed;
    boolean initialDone;

    Tail(
        Caller caller,
        ManagedCluster cluster,
        String namespace,
        TailTarget target,
        LogOptions options,
        Runnable release,
        Consumer<LogEvent> sink) {
      super(options);
      this.caller = caller;
      this.cluster = cluster;
      this.namespace = namespace;
      this.target = target;
      this.release = release;
      this.sink = sink;
    }

    void start() {
      if (options.follow()) {
        cluster.addListener(listener);
      }
      List<PodView> pods = new ArrayList<>();
      IndexedViews<? extends KubeObjectView> views = cluster.views(CachedKind.PODS);
      for (String key : views.keys(Indexes.NAMESPACE, namespace)) {
        if (views.view(key) instanceof PodView p && hasLogs(p) && matches(p)) {
          pods.add(p);
        }
      }
      pods.sort(Comparator.comparing(PodView::name));
      synchronized (this) {
        for (PodView p : pods) {
          // a change seen while scanning may have taken it already
          if (!followed.containsKey(p.name()) && !skipped.contains(p.name())) {
            follow(p, true);
          }
        }
        initialDone = true;
        if (!skipped.isEmpty()) {
          capped();
        }
        finishIfDone();
      }
    }

    private boolean matches(KubeObjectView pod) {
      return target.matches(pod, this::ownerOf);
    }

    /** The owner of a cached ReplicaSet or Job (the next step from a pod to its workload). */
    private @Nullable OwnerRef ownerOf(String kind, String name) {
      CachedKind cached =
          switch (kind) {
            case "ReplicaSet" -> CachedKind.REPLICASETS;
            case "Job" -> CachedKind.JOBS;
            default -> null;
          };
      if (cached == null) {
        return null;
      }
      KubeObjectView owned = cluster.views(cached).view(namespace + "/" + name);
      return owned == null ? null : owned.owner();
    }

    private void changed(io.kubeward.cluster.domain.ViewChange change) {
      if (change.kind() != CachedKind.PODS
          || !(change.view() instanceof PodView pod)
          || !namespace.equals(pod.namespace())) {
        return;
      }
      synchronized (this) {
        if (closed) {
          return;
        }
        boolean known = followed.containsKey(pod.name());
        switch (change.type()) {
          case DELETED -> {
            if (known) {
              leave(pod.name(), "deleted");
            }
            skipped.remove(pod.name());
          }
          case ADDED, MODIFIED -> {
            boolean matches = matches(pod);
            Integer before = restarts.get(pod.name());
            if (known && !matches) {
              leave(pod.name(), "no-longer-matches");
            } else if (known && before != null && pod.restarts() > before) {
              // a container restarted: its log ended with the old one; follow the new one
              leave(pod.name(), "restarted");
              follow(pod, false);
            } else if (!known && matches && pod.phase() == PodPhase.RUNNING) {
              follow(pod, false);
              if (skipped.contains(pod.name())) {
                capped();
              }
            }
          }
        }
      }
    }

    private boolean hasLogs(PodView pod) {
      return pod.phase() == PodPhase.RUNNING
          || pod.phase() == PodPhase.SUCCEEDED
          || pod.phase() == PodPhase.FAILED;
    }

    /** Follows {@code pod} unless the tail is full (then it is counted as skipped). */
    private void follow(PodView pod, boolean initial) {
      if (followed.size() >= limits.maxPodsPerTail()) {
        skipped.add(pod.name());
        return;
      }
      skipped.remove(pod.name());
      List<String> containers = new ArrayList<>();
      for (ContainerResources c : pod.containers()) {
        if (options.container() == null || options.container().equals(c.name())) {
          containers.add(c.name());
        }
      }
      if (containers.isEmpty()) {
        if (options.container() == null || !pod.containers().isEmpty()) {
          return; // it has not the container asked for
        }
        containers.add(options.container());
      }
      int colour = PodColours.of(pod.name());
      restarts.put(pod.name(), pod.restarts());
      sink.accept(new LogEvent.Joined(pod.name(), List.copyOf(containers), colour, initial));
      // a pod that joins while following is read from its start (bounded by limitBytes)
      LogOptions base =
          initial
              ? options
              : new LogOptions(
                  null, true, false, options.timestamps(), null, null, null, options.limitBytes());
      List<ContainerReader> readers = new ArrayList<>();
      for (String container : containers) {
        ContainerReader reader =
            new ContainerReader(
                pod.name(),
                container,
                colour,
                options.timestamps(),
                limits.maxLineLength(),
                sink,
                this::touch,
                this::readerEnded);
        readers.add(reader);
        running++;
        LogOptions each = base.forContainer(container);
        Thread.ofVirtual()
            .name("kubeward-logs-open-" + pod.name())
            .start(() -> open(pod.name(), container, each, reader));
      }
      followed.put(pod.name(), readers);
    }

    private void open(String pod, String container, LogOptions each, ContainerReader reader) {
      InputStream body;
      try {
        body = logs.open(caller, cluster.name(), namespace, pod, each);
      } catch (KubewardException e) {
        sink.accept(new LogEvent.Ended(pod, container, "refused", e.code(), e.getMessage()));
        readerEnded();
        return;
      }
      reader.start(body);
    }

    private synchronized void readerEnded() {
      running--;
      finishIfDone();
    }

    private void finishIfDone() {
      if (!options.follow() && running <= 0 && !closed && initialDone) {
        sink.accept(new LogEvent.Finished("finished"));
      }
    }

    private void leave(String pod, String reason) {
      restarts.remove(pod);
      List<ContainerReader> readers = followed.remove(pod);
      if (readers != null) {
        readers.forEach(ContainerReader::close);
        sink.accept(new LogEvent.Left(pod, reason));
      }
    }

    private void capped() {
      List<String> names = skipped.stream().limit(20).toList();
      sink.accept(new LogEvent.Capped(followed.size() + skipped.size(), followed.size(), names));
    }

    @Override
    public void close() {
      cluster.removeListener(listener);
      synchronized (this) {
        closed = true;
        followed.values().forEach(rs -> rs.forEach(ContainerReader::close));
        followed.clear();
      }
      release.run();
    }
  }
}
