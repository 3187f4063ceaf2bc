package io.kubeward.drain.app;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.kubeward.access.app.Caller;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A cluster of one node in memory: evictions and deletions mark the pod terminating (the test
 * removes it, as the kubelet would); answers can be scripted per pod.
 */
final class FakeDrainGateway implements DrainGateway {

  record Call(String verb, String pod, String uid, Integer gracePeriodSeconds) {}

  final Map<String, Pod> pods = new LinkedHashMap<>();
  final List<PodDisruptionBudget> budgets = new ArrayList<>();
  final List<Call> calls = new ArrayList<>();
  final Map<String, Deque<Attempt>> scripted = new LinkedHashMap<>();
  final Set<String> nodes = new java.util.HashSet<>(Set.of("node-1"));

  void add(Pod pod) {
    pods.put(pod.getMetadata().getName(), pod);
  }

  void remove(String name) {
    pods.remove(name);
  }

  /** The next answers for {@code pod}, then ACCEPTED. */
  void answer(String pod, Attempt... answers) {
    scripted.computeIfAbsent(pod, k -> new ArrayDeque<>()).addAll(List.of(answers));
  }

  List<Call> calls(String verb) {
    return calls.stream().filter(c -> c.verb().equals(verb)).toList();
  }

  @Override
  public boolean nodeExists(Caller caller, String cluster, String node) {
    return nodes.contains(node);
  }

  @Override
  public List<Pod> podsOn(Caller caller, String cluster, String node) {
    return List.copyOf(pods.values());
  }

  @Override
  public List<PodDisruptionBudget> budgets(
      Caller caller, String cluster, Collection<String> namespaces) {
    return budgets.stream()
        .filter(b -> namespaces.contains(b.getMetadata().getNamespace()))
        .toList();
  }

  @Override
  public Attempt evict(
      Caller caller,
      String cluster,
      String namespace,
      String name,
      String uid,
      Integer gracePeriodSeconds) {
    return send("evict", name, uid, gracePeriodSeconds);
  }

  @Override
  public Attempt delete(
      Caller caller,
      String cluster,
      String namespace,
      String name,
      String uid,
      Integer gracePeriodSeconds) {
    return send("delete", name, uid, gracePeriodSeconds);
  }

  private Attempt send(String verb, String name, String uid, Integer grace) {
    calls.add(new Call(verb, name, uid, grace));
    Pod pod = pods.get(name);
    if (pod == null || !pod.getMetadata().getUid().equals(uid)) {
      return new Attempt(Outcome.GONE, "not found");
    }
    Deque<Attempt> next = scripted.get(name);
    if (next != null && !next.isEmpty()) {
      return next.poll();
    }
    pods.put(
        name,
        new PodBuilder(pod)
            .editMetadata()
            .withDeletionTimestamp("2026-11-22T04:00:00Z")
            .endMetadata()
            .build());
    return Attempt.accepted();
  }
}
