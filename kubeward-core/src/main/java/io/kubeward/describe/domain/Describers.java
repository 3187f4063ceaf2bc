package io.kubeward.describe.domain;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.kubeward.cluster.domain.ObjectView;
import io.kubeward.cluster.domain.PodPhase;
import io.kubeward.cluster.domain.PodView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The one entry point of the describers: a live object of a {@link DescribeKind} and its {@link
 * DescribeContext} become a {@link Description}. Pure: no client, no cache, no clock of its own.
 */
public final class Describers {

  static final List<String> CONDITION_COLUMNS =
      List.of("Type", "Status", "Reason", "Message", "Last Transition");
  static final List<String> EVENT_COLUMNS = List.of("Type", "Reason", "Age", "Count", "Message");
  static final List<String> POD_COLUMNS =
      List.of("Namespace", "Name", "Status", "Ready", "Restarts", "Node");

  /** At most this many events are listed (kubectl lists all of them; the timeline has the rest). */
  static final int MAX_EVENTS = 50;

  private Describers() {}

  public static Description describe(
      DescribeKind kind, HasMetadata object, DescribeContext context) {
    return switch (kind) {
      case POD -> PodDescriber.describe((Pod) object, context);
      case DEPLOYMENT -> WorkloadDescribers.deployment((Deployment) object, context);
      case STATEFULSET -> WorkloadDescribers.statefulSet((StatefulSet) object, context);
      case DAEMONSET -> WorkloadDescribers.daemonSet((DaemonSet) object, context);
      case REPLICASET -> WorkloadDescribers.replicaSet((ReplicaSet) object, context);
      case JOB -> WorkloadDescribers.job((Job) object, context);
      case CRONJOB -> WorkloadDescribers.cronJob((CronJob) object, context);
      case SERVICE -> NetworkDescribers.service((Service) object, context);
      case INGRESS -> NetworkDescribers.ingress((Ingress) object, context);
      case PERSISTENTVOLUMECLAIM ->
          StorageDescribers.claim((PersistentVolumeClaim) object, context);
      case PERSISTENTVOLUME -> StorageDescribers.volume((PersistentVolume) object, context);
      case NODE -> NodeDescriber.describe((Node) object, context);
      case HORIZONTALPODAUTOSCALER ->
          HpaDescriber.describe((HorizontalPodAutoscaler) object, context);
    };
  }

  /** One condition row. */
  static List<String> condition(
      @Nullable String type,
      @Nullable String status,
      @Nullable String reason,
      @Nullable String message,
      @Nullable String lastTransition) {
    return List.of(
        type == null ? "" : type,
        status == null ? "" : status,
        reason == null ? "" : reason,
        message == null ? "" : message,
        lastTransition == null ? "" : lastTransition);
  }

  /** The "Events" section from the cache, or a row saying the caller may not list events. */
  static void events(DescriptionBuilder builder, DescribeContext context) {
    DescriptionBuilder.SectionBuilder section = builder.section("Events");
    if (!context.eventsVisible()) {
      section.row("Events", "<not allowed to list events>");
    } else if (context.events().isEmpty()) {
      section.row("Events", Text.NONE);
    } else {
      List<List<String>> rows = new ArrayList<>();
      for (ObjectView event : context.events()) {
        if (rows.size() >= MAX_EVENTS) {
          break;
        }
        Object lastSeen = event.fields().get("lastSeen");
        String age = "";
        if (lastSeen instanceof String s) {
          try {
            age = Text.age(Duration.between(Instant.parse(s), context.now()));
          } catch (java.time.format.DateTimeParseException e) {
            age = s;
          }
        }
        rows.add(
            List.of(
                Text.of(event.status()),
                Text.of(event.fields().get("reason")),
                age,
                Text.of(event.fields().get("count")),
                Text.of(event.fields().get("message"))));
      }
      section.row("Count", Integer.toString(context.events().size()));
      section.table("Events", EVENT_COLUMNS, rows);
    }
    section.done();
  }

  /** The pods as a table and as related objects ({@code relation} pod). */
  static void pods(DescriptionBuilder builder, String title, List<PodView> pods) {
    DescriptionBuilder.SectionBuilder section = builder.section(title);
    List<List<String>> rows = new ArrayList<>();
    for (PodView pod : pods) {
      rows.add(
          List.of(
              pod.namespace(),
              pod.name(),
              Text.of(pod.status()),
              Text.of(pod.ready()),
              Integer.toString(pod.restarts()),
              Text.of(pod.nodeName())));
      builder.relate("pod", "Pod", pod.namespace(), pod.name(), pod.status());
    }
    section.row("Pods Status", podsStatus(pods));
    section.table("Pods", POD_COLUMNS, rows);
    section.done();
  }

  /** kubectl's "N Running / N Waiting / N Succeeded / N Failed". */
  static String podsStatus(List<PodView> pods) {
    int running = 0;
    int waiting = 0;
    int succeeded = 0;
    int failed = 0;
    for (PodView pod : pods) {
      PodPhase phase = pod.phase();
      if (phase == PodPhase.RUNNING) running++;
      else if (phase == PodPhase.SUCCEEDED) succeeded++;
      else if (phase == PodPhase.FAILED) failed++;
      else waiting++;
    }
    return running
        + " Running / "
        + waiting
        + " Waiting / "
        + succeeded
        + " Succeeded / "
        + failed
        + " Failed";
  }
}
