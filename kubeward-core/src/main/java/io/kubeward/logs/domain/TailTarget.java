package io.kubeward.logs.domain;

import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.LabelSelector;
import io.kubeward.cluster.domain.OwnerRef;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/** The pods of a multi-pod tail in one namespace: by label selector or by workload. */
public sealed interface TailTarget {

  /** The workload kinds that own pods (directly, or a Deployment through its ReplicaSets). */
  Set<String> WORKLOAD_KINDS =
      Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job");

  /** Whether a pod belongs to the tail; {@code owners} gives a cached owner's own owner. */
  boolean matches(KubeObjectView pod, BiFunction<String, String, @Nullable OwnerRef> ownerOf);

  record Selector(LabelSelector selector, String text) implements TailTarget {
    @Override
    public boolean matches(
        KubeObjectView pod, BiFunction<String, String, @Nullable OwnerRef> ownerOf) {
      return selector.matches(pod.labels());
    }
  }

  /**
   * @param kind one of {@link #WORKLOAD_KINDS}
   */
  record Workload(String kind, String name) implements TailTarget {
    @Override
    public boolean matches(
        KubeObjectView pod, BiFunction<String, String, @Nullable OwnerRef> ownerOf) {
      OwnerRef owner = pod.owner();
      if (owner == null) {
        return false;
      }
      if (owner.kind().equals(kind) && owner.name().equals(name)) {
        return true;
      }
      // a Deployment's pods belong to its ReplicaSets, a CronJob's to its Jobs
      if ((kind.equals("Deployment") && owner.kind().equals("ReplicaSet"))
          || (kind.equals("CronJob") && owner.kind().equals("Job"))) {
        OwnerRef next = ownerOf.apply(owner.kind(), owner.name());
        return next != null && next.kind().equals(kind) && next.name().equals(name);
      }
      return false;
    }
  }

  /**
   * A workload kind as a user writes it ({@code deployment}, {@code deploy}, {@code sts}, {@code
   * Deployment}, {@code cj}) in the API's spelling.
   *
   * @throws LogRequestException for any other kind
   */
  static String workloadKind(String text) {
    String k = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    return switch (k) {
      case "deployment", "deployments", "deploy" -> "Deployment";
      case "statefulset", "statefulsets", "sts" -> "StatefulSet";
      case "daemonset", "daemonsets", "ds" -> "DaemonSet";
      case "replicaset", "replicasets", "rs" -> "ReplicaSet";
      case "job", "jobs" -> "Job";
      case "cronjob", "cronjobs", "cj" -> "CronJob";
      default -> throw LogRequestException.invalidWorkload(text);
    };
  }
}
