package io.kubeward.alert.app.routing;

import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.Verb;
import io.kubeward.alert.app.AlertStore;
import io.kubeward.alert.domain.Alert;
import io.kubeward.alert.domain.AlertLabels;
import io.kubeward.alert.domain.AlertScope;
import io.kubeward.alert.domain.routing.InhibitRule;
import io.kubeward.alert.domain.routing.InvalidRoutingException;
import io.kubeward.alert.domain.routing.PolicyDocument;
import io.kubeward.alert.domain.routing.Route;
import io.kubeward.alert.domain.routing.RoutingPolicy;
import io.kubeward.alert.domain.routing.Silence;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.resource.domain.UnifiedDiff;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The notification policy document for administrators: read it (the defaults while none is stored),
 * replace it (validated, versioned, audited with the change as a diff), and ask what the policy
 * would do with an alert's labels now.
 */
public final class ManagePolicy {

  /** What {@link #get} answers: the document, its version (0: the defaults) and who saved it. */
  public record View(
      PolicyDocument document,
      long version,
      @Nullable String updatedBy,
      @Nullable Instant updatedAt) {}

  /** One route an alert takes. */
  public record RouteMatch(
      String path,
      List<String> channels,
      SortedMap<String, String> groupLabels,
      String groupKey,
      @Nullable String mutedBy) {}

  /** What the policy does with an alert's labels now. */
  public record Match(
      List<RouteMatch> routes,
      List<String> channels,
      List<String> silencedBy,
      boolean inhibited,
      boolean maintenance,
      boolean notified) {}

  private static final AuditedAction.Target TARGET =
      new AuditedAction.Target(null, null, "AlertPolicy", "policy");

  private final PolicyStore store;
  private final SilenceStore silences;
  private final AlertStore alerts;
  private final MaintainedNodes maintained;
  private final AuditedAction audited;
  private final Function<PolicyDocument, String> render;
  private final Clock clock;

  /**
   * @param render the document as people read it (YAML or indented JSON), for the audit diff
   */
  public ManagePolicy(
      PolicyStore store,
      SilenceStore silences,
      AlertStore alerts,
      MaintainedNodes maintained,
      AuditedAction audited,
      Function<PolicyDocument, String> render,
      Clock clock) {
    this.store = store;
    this.silences = silences;
    this.alerts = alerts;
    this.maintained = maintained;
    this.audited = audited;
    this.render = render;
    this.clock = clock;
  }

  public View get(Caller caller) {
    Authorizer.requireAdmin(caller);
    return view();
  }

  private View view() {
    return store
        .current()
        .map(s -> new View(s.document(), s.version(), s.updatedBy(), s.updatedAt()))
        .orElseGet(() -> new View(PolicyDocument.defaults(), 0, null, null));
  }

  /**
   * Replaces the document (administrators; audited as {@code alerting.policy.update}).
   *
   * @param expectedVersion the version the caller edited, or {@code null} to overwrite whatever is
   *     stored
   * @throws InvalidRoutingException with every problem; nothing saved
   * @throws PolicyConflictException if {@code expectedVersion} is not the newest version
   */
  public View put(Caller caller, PolicyDocument document, @Nullable Long expectedVersion) {
    return audited.run(
        caller,
        Verb.ADMINISTER,
        TARGET,
        "alerting.policy.update",
        () -> {
          RoutingPolicy.compile(document);
          View before = view();
          long expected = expectedVersion == null ? before.version() : expectedVersion;
          if (expected != before.version()) {
            throw new PolicyConflictException(expected, before.version());
          }
          PolicyStore.Stored saved =
              store.save(document, expected, caller.username(), clock.instant());
          String diff =
              UnifiedDiff.of(
                  render.apply(before.document()),
                  render.apply(saved.document()),
                  "policy v" + before.version(),
                  "policy v" + saved.version());
          return new AuditedAction.Outcome<>(
              new View(saved.document(), saved.version(), saved.updatedBy(), saved.updatedAt()),
              diff);
        });
  }

  /** Validates a document without saving it (administrators); the problems, empty when valid. */
  public List<String> validate(Caller caller, PolicyDocument document) {
    Authorizer.requireAdmin(caller);
    try {
      RoutingPolicy.compile(document);
      return List.of();
    } catch (InvalidRoutingException e) {
      return e.problems();
    }
  }

  /**
   * What the stored policy (or {@code document}, when given) does with an alert of {@code labels}
   * now: its routes, their channels and groups, and whether a silence, an inhibition (by the
   * cluster's firing alerts), a maintenance or a route's time interval holds it back.
   */
  public Match match(Caller caller, Map<String, String> labels, @Nullable PolicyDocument document) {
    Authorizer.requireAdmin(caller);
    if (labels.size() > 64) {
      throw InvalidRoutingException.matchers(List.of("labels: at most 64"));
    }
    RoutingPolicy policy = RoutingPolicy.compile(document == null ? view().document() : document);
    Instant now = clock.instant();
    List<String> silencedBy =
        silences.unexpired(now).stream()
            .filter(s -> s.state(now) == Silence.State.ACTIVE && s.matches(labels))
            .map(Silence::id)
            .toList();
    String cluster = labels.get(AlertLabels.CLUSTER);
    boolean inhibited = false;
    boolean maintenance = false;
    if (cluster != null && !cluster.isBlank()) {
      List<InhibitRule.Candidate> firing =
          alerts.forDispatch(AlertScope.ofCluster(cluster), now).stream()
              .filter(Alert::firing)
              .map(a -> new InhibitRule.Candidate(a.fingerprint(), a.labels()))
              .toList();
      InhibitRule.Candidate me = new InhibitRule.Candidate(AlertLabels.fingerprint(labels), labels);
      inhibited = policy.inhibitRules().stream().anyMatch(r -> r.inhibits(me, firing));
      String node = labels.get(AlertLabels.NODE);
      maintenance =
          policy.muteDuringMaintenance()
              && node != null
              && maintained.nodes(cluster, now).contains(node);
    }
    List<RouteMatch> routes = new ArrayList<>();
    List<String> channels = new ArrayList<>();
    boolean notified = false;
    for (Route r : policy.root().match(labels)) {
      SortedMap<String, String> group = r.groupLabels(labels);
      String muted = policy.muted(r, now).orElse(null);
      routes.add(new RouteMatch(r.path(), r.channels(), group, r.groupKey(group), muted));
      if (muted == null) {
        for (String c : r.channels()) {
          if (!channels.contains(c)) {
            channels.add(c);
          }
        }
        notified |= !r.channels().isEmpty();
      }
    }
    boolean held = !silencedBy.isEmpty() || inhibited || maintenance;
    return new Match(
        routes, held ? List.of() : channels, silencedBy, inhibited, maintenance, notified && !held);
  }
}
