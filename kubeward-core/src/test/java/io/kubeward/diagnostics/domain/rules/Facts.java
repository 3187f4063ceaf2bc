package io.kubeward.diagnostics.domain.rules;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.ObjectView;
import io.kubeward.diagnostics.domain.ClusterFacts;
import io.kubeward.diagnostics.domain.DiagnosticRule;
import io.kubeward.diagnostics.domain.FindingDraft;
import io.kubeward.diagnostics.domain.ObjectRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * An in-memory {@link ClusterFacts} for the rules' unit tests: fabric8 objects projected by the
 * cache's own projections ({@link CachedKind}), so the rules see exactly the views the cache keeps.
 */
final class Facts implements ClusterFacts {

  static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

  private final List<KubeObjectView> views = new ArrayList<>();
  private final Map<KubeObjectView, String> kinds = new java.util.IdentityHashMap<>();
  private Instant now = NOW;

  @SuppressWarnings({"unchecked", "rawtypes"})
  <V extends KubeObjectView> V add(HasMetadata object) {
    CachedKind kind =
        java.util.Arrays.stream(CachedKind.values())
            .filter(k -> k.kind().equals(object.getKind()))
            .findFirst()
            .orElseThrow();
    if (object.getMetadata().getCreationTimestamp() == null) {
      object.getMetadata().setCreationTimestamp(NOW.minusSeconds(86_400).toString());
    }
    if (object.getMetadata().getUid() == null) {
      object.getMetadata().setUid(object.getMetadata().getName() + "-uid");
    }
    Function projection = kind.model().projection();
    V view = (V) projection.apply(object);
    views.add(view);
    kinds.put(view, kind.kind());
    return view;
  }

  /** An event about {@code kind/name}, {@code secondsAgo} old. */
  void event(
      String kind,
      String namespace,
      String name,
      String type,
      String reason,
      String message,
      long secondsAgo) {
    Event event =
        new EventBuilder()
            .withMetadata(
                new ObjectMetaBuilder()
                    .withNamespace(namespace == null ? "default" : namespace)
                    .withName(name + "." + reason + views.size())
                    .build())
            .withNewInvolvedObject()
            .withKind(kind)
            .withNamespace(namespace)
            .withName(name)
            .endInvolvedObject()
            .withType(type)
            .withReason(reason)
            .withMessage(message)
            .withCount(1)
            .withLastTimestamp(now.minusSeconds(secondsAgo).toString())
            .build();
    event.setKind("Event");
    add(event);
  }

  static ObjectMetaBuilder meta(String namespace, String name) {
    return new ObjectMetaBuilder().withNamespace(namespace).withName(name);
  }

  static io.fabric8.kubernetes.api.model.OwnerReference owner(String kind, String name) {
    return new OwnerReferenceBuilder()
        .withKind(kind)
        .withName(name)
        .withController(true)
        .withApiVersion("v1")
        .withUid(name + "-uid")
        .build();
  }

  Facts at(Instant instant) {
    this.now = instant;
    return this;
  }

  List<FindingDraft> judge(DiagnosticRule rule, KubeObjectView subject) {
    return rule.judge(subject, this);
  }

  private String kindOf(KubeObjectView view) {
    return kinds.get(view);
  }

  @Override
  public Optional<KubeObjectView> get(String kind, String namespace, String name) {
    return views.stream()
        .filter(v -> kind.equals(kindOf(v)))
        .filter(v -> java.util.Objects.equals(namespace, v.namespace()) && name.equals(v.name()))
        .findFirst();
  }

  @Override
  public List<KubeObjectView> list(String kind, String namespace) {
    return views.stream()
        .filter(v -> kind.equals(kindOf(v)))
        .filter(v -> namespace == null || namespace.equals(v.namespace()))
        .toList();
  }

  @Override
  public List<KubeObjectView> selected(String kind, String namespace, Map<String, String> labels) {
    if (labels.isEmpty()) {
      return List.of();
    }
    return list(kind, namespace).stream()
        .filter(v -> v.labels().entrySet().containsAll(labels.entrySet()))
        .toList();
  }

  @Override
  public List<KubeObjectView> ownedBy(
      String kind, String namespace, String ownerKind, String ownerName) {
    return list(kind, namespace).stream()
        .filter(
            v ->
                v.owner() != null
                    && v.owner().kind().equals(ownerKind)
                    && v.owner().name().equals(ownerName))
        .toList();
  }

  @Override
  public List<ObjectView> eventsFor(ObjectRef ref) {
    return list("Event", null).stream()
        .map(ObjectView.class::cast)
        .filter(
            e ->
                ref.kind().equals(e.fields().get("objectKind"))
                    && ref.name().equals(e.fields().get("objectName")))
        .sorted(
            Comparator.comparing((ObjectView e) -> String.valueOf(e.fields().get("lastSeen")))
                .reversed())
        .toList();
  }

  @Override
  public Instant now() {
    return now;
  }
}
