package io.kubeward.diagnostics.app;

import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.ObjectView;
import io.kubeward.cluster.domain.Reachability;
import io.kubeward.cluster.domain.ViewChange;
import io.kubeward.diagnostics.domain.DiagnosticRule;
import io.kubeward.diagnostics.domain.Finding;
import io.kubeward.diagnostics.domain.FindingBook;
import io.kubeward.diagnostics.domain.FindingChange;
import io.kubeward.diagnostics.domain.FindingDraft;
import io.kubeward.diagnostics.domain.ObjectRef;
import io.kubeward.diagnostics.domain.RuleId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Continuous evaluation of the diagnostic rules over every cluster's shared cache (ADR 0029).
 *
 * <ul>
 *   <li>{@link #fullPass()} (every {@code full-pass-interval}): every rule judges every cached
 *       object of its kind; findings no rule reports any more resolve. The first pass of a cluster
 *       (once its cache has synced) starts following its changes.
 *   <li>Between passes, cache changes are collected (cheaply, on the informer's thread) and {@link
 *       #processPending()} (every {@code debounce}) judges again: the changed object with the rules
 *       of its kind (a deleted one resolves its findings), the object an Event is about with the
 *       rules that depend on events, and for a change of another {@code dependsOn} kind the
 *       subjects in the changed object's namespace (all, for cluster-scoped kinds). A burst of
 *       changes is judged once; more than {@code max-pending-per-cluster} pending subjects become a
 *       full pass.
 * </ul>
 *
 * Evaluations of one cluster never overlap. Transitions go to the {@link FindingListener}s;
 * resolutions are stored in the {@link FindingHistory} where this replica leads the cluster.
 */
public final class DiagnosticsEngine implements AutoCloseable {

  private static final System.Logger log = System.getLogger(DiagnosticsEngine.class.getName());

  private final ClusterRegistry clusters;
  private final List<DiagnosticRule> rules;
  private final Map<RuleId, DiagnosticRule> byId = new LinkedHashMap<>();
  private final Map<String, List<DiagnosticRule>> bySubjectKind = new LinkedHashMap<>();
  private final Map<String, Set<String>> subjectKindsByDependency = new HashMap<>();
  private final DiagnosticsSettings settings;
  private final FindingHistory history;
  private final Predicate<String> leading;
  private final Clock clock;
  private final List<FindingListener> listeners = new CopyOnWriteArrayList<>();
  private final Map<String, ClusterState> byCluster = new ConcurrentHashMap<>();

  /** A subject kind to judge again in a namespace ({@code null}: everywhere). */
  private record Scope(String subjectKind, String namespace) {}

  private final class ClusterState {
    final ManagedCluster cluster;
    final FindingBook book;
    final Consumer<ViewChange> onChange;
    final Object pendingLock = new Object();
    Set<ObjectRef> pending = new LinkedHashSet<>();
    Set<Scope> pendingScopes = new LinkedHashSet<>();
    boolean overflow;
    volatile Instant lastFullPass;
    Duration lastFullPassTime = Duration.ZERO;
    long lastFullPassSubjects;
    long fullPasses;
    long incrementalBatches;
    long incrementalSubjects;
    long incrementalNanos;
    long ruleFailures;

    ClusterState(ManagedCluster cluster) {
      this.cluster = cluster;
      this.book = new FindingBook(cluster.name(), settings.maxFindingsPerCluster());
      this.onChange = change -> changed(this, change);
    }
  }

  public DiagnosticsEngine(
      ClusterRegistry clusters,
      List<DiagnosticRule> rules,
      DiagnosticsSettings settings,
      FindingHistory history,
      Predicate<String> leading,
      Clock clock) {
    this.clusters = clusters;
    this.rules = List.copyOf(rules);
    this.settings = settings;
    this.history = history;
    this.leading = leading;
    this.clock = clock;
    for (DiagnosticRule rule : this.rules) {
      if (byId.put(rule.id(), rule) != null) {
        throw new IllegalArgumentException("Two rules share the id " + rule.id());
      }
      bySubjectKind.computeIfAbsent(rule.subjectKind(), k -> new ArrayList<>()).add(rule);
      for (String dependency : rule.dependsOn()) {
        subjectKindsByDependency
            .computeIfAbsent(dependency, k -> new LinkedHashSet<>())
            .add(rule.subjectKind());
      }
    }
  }

  public List<DiagnosticRule> rules() {
    return rules;
  }

  public Optional<DiagnosticRule> rule(RuleId id) {
    return Optional.ofNullable(byId.get(id));
  }

  public DiagnosticsSettings settings() {
    return settings;
  }

  public void addListener(FindingListener listener) {
    listeners.add(listener);
  }

  public void removeListener(FindingListener listener) {
    listeners.remove(listener);
  }

  /** A full pass over every reachable, synced cluster; forgets removed clusters. Never throws. */
  public void fullPass() {
    Set<String> seen = new HashSet<>();
    for (ManagedCluster cluster : clusters.all()) {
      seen.add(cluster.name());
      try {
        fullPass(cluster);
      } catch (RuntimeException e) {
        log.log(System.Logger.Level.WARNING, "Diagnostics of " + cluster.name() + " failed", e);
      }
    }
    for (String gone : List.copyOf(byCluster.keySet())) {
      if (!seen.contains(gone)) {
        ClusterState state = byCluster.remove(gone);
        state.cluster.removeListener(state.onChange);
      }
    }
  }

  /**
   * Judges the changes collected since the last call, for every cluster; a cluster not evaluated
   * yet (new, or its cache just synced) gets its first full pass here. Never throws.
   */
  public void processPending() {
    for (ManagedCluster cluster : clusters.all()) {
      ClusterState state = byCluster.get(cluster.name());
      if (state == null || state.cluster != cluster) {
        try {
          fullPass(cluster);
        } catch (RuntimeException e) {
          log.log(System.Logger.Level.WARNING, "Diagnostics of " + cluster.name() + " failed", e);
        }
      }
    }
    for (ClusterState state : byCluster.values()) {
      try {
        processPending(state);
      } catch (RuntimeException e) {
        log.log(
            System.Logger.Level.WARNING,
            "Diagnostics of " + state.cluster.name() + " (changes) failed",
            e);
      }
    }
  }

  /** One full pass of one cluster (if reachable and its cache synced). */
  public void fullPass(ManagedCluster cluster) {
    if (!settings.enabled()
        || !cluster.cacheSynced()
        || cluster.reachability().state() == Reachability.State.UNREACHABLE) {
      return;
    }
    ClusterState state = byCluster.get(cluster.name());
    if (state == null || state.cluster != cluster) {
      if (state != null) {
        state.cluster.removeListener(state.onChange);
      }
      state = new ClusterState(cluster);
      cluster.addListener(state.onChange);
      byCluster.put(cluster.name(), state);
    }
    synchronized (state) {
      synchronized (state.pendingLock) {
        state.pending = new LinkedHashSet<>();
        state.pendingScopes = new LinkedHashSet<>();
        state.overflow = false;
      }
      long started = System.nanoTime();
      Instant now = clock.instant();
      CacheFacts facts = new CacheFacts(cluster, now, settings.rules());
      Map<RuleId, DiagnosticRule> judged = new LinkedHashMap<>();
      List<FindingDraft> drafts = new ArrayList<>();
      long subjects = 0;
      for (Map.Entry<String, List<DiagnosticRule>> entry : bySubjectKind.entrySet()) {
        CachedKind kind = CacheFacts.cachedKind(entry.getKey());
        if (kind == null || !cluster.cacheSynced(Set.of(kind))) {
          continue;
        }
        List<KubeObjectView> views = facts.list(entry.getKey(), null);
        subjects += views.size();
        for (DiagnosticRule rule : entry.getValue()) {
          judged.put(rule.id(), rule);
          for (KubeObjectView view : views) {
            List<FindingDraft> verdict = judge(state, rule, view, facts);
            if (verdict != null) {
              drafts.addAll(verdict);
            }
          }
        }
      }
      publish(state, state.book.fullPass(judged, drafts, now));
      state.lastFullPass = now;
      state.lastFullPassTime = Duration.ofNanos(System.nanoTime() - started);
      state.lastFullPassSubjects = subjects;
      state.fullPasses++;
    }
  }

  private void changed(ClusterState state, ViewChange change) {
    String kind = change.kind().kind();
    KubeObjectView view = change.view();
    synchronized (state.pendingLock) {
      if (state.overflow) {
        return;
      }
      if (bySubjectKind.containsKey(kind)) {
        state.pending.add(ObjectRef.of(kind, view.namespace(), view.name()));
      }
      if ("Event".equals(kind) && view instanceof ObjectView event) {
        Object objectKind = event.fields().get("objectKind");
        Object objectName = event.fields().get("objectName");
        if (objectKind instanceof String k
            && objectName instanceof String n
            && dependsOnEvents(k)) {
          CachedKind cached = CacheFacts.cachedKind(k);
          String namespace = cached != null && !cached.namespaced() ? null : view.namespace();
          state.pending.add(ObjectRef.of(k, namespace, n));
        }
      } else {
        Set<String> dependents = subjectKindsByDependency.get(kind);
        if (dependents != null) {
          String namespace = change.kind().namespaced() ? view.namespace() : null;
          for (String subjectKind : dependents) {
            state.pendingScopes.add(new Scope(subjectKind, namespace));
          }
        }
      }
      if (state.pending.size() > settings.maxPendingPerCluster()) {
        state.overflow = true;
        state.pending = new LinkedHashSet<>();
        state.pendingScopes = new LinkedHashSet<>();
      }
    }
  }

  private boolean dependsOnEvents(String subjectKind) {
    List<DiagnosticRule> forKind = bySubjectKind.get(subjectKind);
    if (forKind == null) {
      return false;
    }
    for (DiagnosticRule rule : forKind) {
      if (rule.dependsOn().contains("Event")) {
        return true;
      }
    }
    return false;
  }

  private void processPending(ClusterState state) {
    Set<ObjectRef> subjects;
    Set<Scope> scopes;
    boolean overflow;
    synchronized (state.pendingLock) {
      if (!state.overflow && state.pending.isEmpty() && state.pendingScopes.isEmpty()) {
        return;
      }
      subjects = state.pending;
      scopes = state.pendingScopes;
      overflow = state.overflow;
      state.pending = new LinkedHashSet<>();
      state.pendingScopes = new LinkedHashSet<>();
      state.overflow = false;
    }
    if (overflow) {
      fullPass(state.cluster);
      return;
    }
    synchronized (state) {
      long started = System.nanoTime();
      Instant now = clock.instant();
      CacheFacts facts = new CacheFacts(state.cluster, now, settings.rules());
      for (Scope scope : scopes) {
        for (KubeObjectView view : facts.list(scope.subjectKind(), scope.namespace())) {
          subjects.add(ObjectRef.of(scope.subjectKind(), view.namespace(), view.name()));
        }
        if (subjects.size() > settings.maxPendingPerCluster()) {
          fullPass(state.cluster);
          return;
        }
      }
      List<FindingChange> changes = new ArrayList<>();
      for (ObjectRef subject : subjects) {
        changes.addAll(judgeOne(state, subject, facts, now));
      }
      publish(state, changes);
      state.incrementalBatches++;
      state.incrementalSubjects += subjects.size();
      state.incrementalNanos += System.nanoTime() - started;
    }
  }

  private List<FindingChange> judgeOne(
      ClusterState state, ObjectRef subject, CacheFacts facts, Instant now) {
    Optional<KubeObjectView> view = facts.get(subject.kind(), subject.namespace(), subject.name());
    if (view.isEmpty()) {
      return state.book.gone(subject, now);
    }
    List<DiagnosticRule> forKind = bySubjectKind.getOrDefault(subject.kind(), List.of());
    List<DiagnosticRule> judged = new ArrayList<>(forKind.size());
    List<FindingDraft> drafts = new ArrayList<>();
    for (DiagnosticRule rule : forKind) {
      List<FindingDraft> verdict = judge(state, rule, view.get(), facts);
      if (verdict != null) {
        judged.add(rule);
        drafts.addAll(verdict);
      }
    }
    return state.book.judged(judged, subject, drafts, now);
  }

  /** A rule's verdict, {@code null} if it failed (its findings then stay as they were). */
  private List<FindingDraft> judge(
      ClusterState state, DiagnosticRule rule, KubeObjectView view, CacheFacts facts) {
    try {
      List<FindingDraft> verdict = rule.judge(view, facts);
      return verdict == null ? List.of() : verdict;
    } catch (RuntimeException e) {
      state.ruleFailures++;
      log.log(
          System.Logger.Level.DEBUG,
          () -> "Rule " + rule.id() + " failed on " + view.namespace() + "/" + view.name(),
          e);
      return null;
    }
  }

  private void publish(ClusterState state, List<FindingChange> changes) {
    if (changes.isEmpty()) {
      return;
    }
    boolean leader = leading.test(state.cluster.name());
    for (FindingChange change : changes) {
      Finding finding = change.finding();
      if (change.type() == FindingChange.Type.RESOLVED && leader) {
        try {
          history.saveResolved(finding);
        } catch (RuntimeException e) {
          log.log(
              System.Logger.Level.WARNING,
              "Storing resolved finding " + finding.id() + " failed: " + e);
        }
      }
      for (FindingListener listener : listeners) {
        try {
          switch (change.type()) {
            case OPENED -> listener.opened(finding);
            case UPDATED -> listener.updated(finding);
            case RESOLVED -> listener.resolved(finding);
          }
        } catch (RuntimeException e) {
          log.log(System.Logger.Level.WARNING, "A finding listener failed", e);
        }
      }
    }
  }

  /** The active findings of a cluster (a copy), empty before its first pass. */
  public List<Finding> active(String cluster) {
    ClusterState state = byCluster.get(cluster);
    if (state == null) {
      return List.of();
    }
    synchronized (state) {
      return List.copyOf(state.book.active());
    }
  }

  /** The active findings about one object. */
  public List<Finding> about(String cluster, ObjectRef subject) {
    ClusterState state = byCluster.get(cluster);
    if (state == null) {
      return List.of();
    }
    synchronized (state) {
      return state.book.about(subject);
    }
  }

  /** Whether the cluster has had its first full pass (its findings are complete). */
  public boolean evaluated(String cluster) {
    ClusterState state = byCluster.get(cluster);
    return state != null && state.lastFullPass != null;
  }

  public Optional<EngineStatistics> statistics(String cluster) {
    ClusterState state = byCluster.get(cluster);
    if (state == null) {
      return Optional.empty();
    }
    synchronized (state) {
      return Optional.of(
          new EngineStatistics(
              cluster,
              state.book.size(),
              state.book.dropped(),
              state.lastFullPass,
              state.lastFullPassTime,
              state.lastFullPassSubjects,
              state.fullPasses,
              state.incrementalBatches,
              state.incrementalSubjects,
              Duration.ofNanos(state.incrementalNanos),
              state.ruleFailures));
    }
  }

  /** Stops following the clusters' caches. */
  @Override
  public void close() {
    byCluster.values().forEach(s -> s.cluster.removeListener(s.onChange));
    byCluster.clear();
  }
}
