package io.kubeward.diagnostics.domain.rules;

import io.kubeward.cluster.domain.DeploymentView;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.ObjectView;
import io.kubeward.cluster.domain.OwnerRef;
import io.kubeward.cluster.domain.PodTemplateFacts;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.diagnostics.domain.Bilingual;
import io.kubeward.diagnostics.domain.ClusterFacts;
import io.kubeward.diagnostics.domain.Evidence;
import io.kubeward.diagnostics.domain.ObjectRef;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the workload, network, storage, quota, node and hygiene rules share: reading the fields of
 * {@link ObjectView}s, durations written for people, events and pods as evidence, and the pod
 * template of a pod's workload.
 */
final class OpsFacts {

  /** Warning events of an object kept as evidence at most. */
  static final int MAX_EVENTS = 5;

  /** Pods named as evidence at most. */
  static final int MAX_PODS = 5;

  private OpsFacts() {}

  static int intField(KubeObjectView view, String name) {
    if (view instanceof ObjectView object && object.fields().get(name) instanceof Number number) {
      return number.intValue();
    }
    return 0;
  }

  static @Nullable String stringField(KubeObjectView view, String name) {
    if (view instanceof ObjectView object) {
      Object value = object.fields().get(name);
      return value == null ? null : String.valueOf(value);
    }
    return null;
  }

  static @Nullable Object field(KubeObjectView view, String name) {
    return view instanceof ObjectView object ? object.fields().get(name) : null;
  }

  @SuppressWarnings("unchecked")
  static <T> List<T> listField(KubeObjectView view, String name, Class<T> type) {
    if (field(view, name) instanceof List<?> list) {
      List<T> out = new ArrayList<>(list.size());
      for (Object item : list) {
        if (type.isInstance(item)) {
          out.add((T) item);
        }
      }
      return out;
    }
    return List.of();
  }

  @SuppressWarnings("unchecked")
  static Map<String, String> mapField(KubeObjectView view, String name) {
    if (field(view, name) instanceof Map<?, ?> map) {
      return (Map<String, String>) map;
    }
    return Map.of();
  }

  static @Nullable Instant instantField(KubeObjectView view, String name) {
    Object value = field(view, name);
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof String text) {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    return null;
  }

  /** Whether {@code since} is known and at least {@code grace} before now. */
  static boolean lastedAtLeast(@Nullable Instant since, Duration grace, ClusterFacts facts) {
    return since != null && !since.plus(grace).isAfter(facts.now());
  }

  /** The object's age, {@link Duration#ZERO} when unknown. */
  static Duration age(KubeObjectView view, ClusterFacts facts) {
    return view.createdAt() == null
        ? Duration.ZERO
        : Duration.between(view.createdAt(), facts.now());
  }

  /** A duration as people write it: {@code 45s}, {@code 12m}, {@code 3h20m}, {@code 2d4h}. */
  static String human(Duration duration) {
    long seconds = Math.max(0, duration.getSeconds());
    if (seconds < 60) {
      return seconds + "s";
    }
    long minutes = seconds / 60;
    if (minutes < 60) {
      return minutes + "m";
    }
    long hours = minutes / 60;
    if (hours < 24) {
      return hours + "h" + (minutes % 60 == 0 ? "" : (minutes % 60) + "m");
    }
    return hours / 24 + "d" + (hours % 24 == 0 ? "" : (hours % 24) + "h");
  }

  /** The time since {@code since}, as people write it ("unknown" when {@code since} is). */
  static String since(@Nullable Instant since, ClusterFacts facts) {
    return since == null ? "?" : human(Duration.between(since, facts.now()));
  }

  /** The newest Warning events of {@code ref} as evidence (newest first, at most {@code max}). */
  static List<Evidence> warningEvents(ClusterFacts facts, ObjectRef ref, int max) {
    List<Evidence> out = new ArrayList<>();
    for (ObjectView event : facts.eventsFor(ref)) {
      if (out.size() >= max) {
        break;
      }
      if ("Warning".equals(event.status())) {
        out.add(event(event, ref));
      }
    }
    return out;
  }

  /** The newest events of {@code ref} of one of {@code reasons} (any type). */
  static List<Evidence> eventsWithReason(
      ClusterFacts facts, ObjectRef ref, java.util.Collection<String> reasons, int max) {
    List<Evidence> out = new ArrayList<>();
    for (ObjectView event : facts.eventsFor(ref)) {
      if (out.size() >= max) {
        break;
      }
      if (reasons.contains(stringField(event, "reason"))) {
        out.add(event(event, ref));
      }
    }
    return out;
  }

  static Evidence event(ObjectView event, ObjectRef ref) {
    String reason = stringField(event, "reason");
    int count = intField(event, "count");
    String message = stringField(event, "message");
    return new Evidence(
        Evidence.EVENT,
        (reason == null ? "event" : reason) + (count > 1 ? " (x" + count + ")" : ""),
        message == null ? "" : message,
        ref);
  }

  /** A pod as evidence: its status, readiness and node. */
  static Evidence pod(PodView pod) {
    return Evidence.related(
        "pod " + pod.name(),
        pod.status()
            + ", ready "
            + pod.ready()
            + (pod.restarts() > 0 ? ", restarts " + pod.restarts() : "")
            + (pod.nodeName() == null ? ", not scheduled" : ", node " + pod.nodeName()),
        ObjectRef.of("Pod", pod.namespace(), pod.name()));
  }

  /** Whether a pod counts as ready (every container ready and the pod running). */
  static boolean ready(PodView pod) {
    String ready = pod.ready();
    int slash = ready.indexOf('/');
    if (slash < 0) {
      return false;
    }
    String have = ready.substring(0, slash);
    String want = ready.substring(slash + 1);
    return have.equals(want) && !"0".equals(want) && pod.problem() == null;
  }

  /** The pods a workload controls, directly or through its ReplicaSets (Deployments). */
  static List<PodView> podsOf(ClusterFacts facts, String kind, String namespace, String name) {
    List<PodView> out = new ArrayList<>();
    if ("Deployment".equals(kind)) {
      for (KubeObjectView replicaSet : facts.ownedBy("ReplicaSet", namespace, kind, name)) {
        addPods(out, facts.ownedBy("Pod", namespace, "ReplicaSet", replicaSet.name()));
      }
    } else {
      addPods(out, facts.ownedBy("Pod", namespace, kind, name));
    }
    return out;
  }

  private static void addPods(List<PodView> out, List<KubeObjectView> views) {
    for (KubeObjectView view : views) {
      if (view instanceof PodView pod) {
        out.add(pod);
      }
    }
  }

  /**
   * The pod template of the workload that controls {@code pod} (a ReplicaSet followed to its
   * Deployment), {@code null} if the pod has no such owner in the cache.
   */
  static @Nullable PodTemplateFacts templateOf(ClusterFacts facts, PodView pod) {
    OwnerRef owner = pod.owner();
    if (owner == null) {
      return null;
    }
    if ("ReplicaSet".equals(owner.kind())) {
      var replicaSet = facts.get("ReplicaSet", pod.namespace(), owner.name()).orElse(null);
      if (replicaSet == null || replicaSet.owner() == null) {
        return null;
      }
      var deployment =
          facts.get("Deployment", pod.namespace(), replicaSet.owner().name()).orElse(null);
      return deployment instanceof DeploymentView view ? view.template() : null;
    }
    if ("StatefulSet".equals(owner.kind())
        || "DaemonSet".equals(owner.kind())
        || "Job".equals(owner.kind())) {
      return facts
          .get(owner.kind(), pod.namespace(), owner.name())
          .map(view -> field(view, "template"))
          .filter(PodTemplateFacts.class::isInstance)
          .map(PodTemplateFacts.class::cast)
          .orElse(PodTemplateFacts.NONE);
    }
    return null;
  }

  /** "1 pod" / "3 pods" in both languages. */
  static Bilingual pods(int count) {
    return Bilingual.of(count + (count == 1 ? " pod" : " pods"), count + " 个 Pod");
  }
}
