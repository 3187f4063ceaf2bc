package io.kubeward.maintenance.app;

import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.ClusterActions;
import io.kubeward.access.domain.ResourceAction;
import io.kubeward.access.domain.Verb;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.cluster.app.ClusterNotFoundException;
import io.kubeward.common.Names;
import io.kubeward.drain.domain.DrainOptions;
import io.kubeward.drain.domain.DrainPlan;
import io.kubeward.maintenance.domain.DrainSettings;
import io.kubeward.maintenance.domain.InvalidMaintenanceException;
import io.kubeward.maintenance.domain.Maintenance;
import io.kubeward.maintenance.domain.MaintenanceAction;
import io.kubeward.maintenance.domain.MaintenancePreview;
import io.kubeward.maintenance.domain.MaintenanceSpec;
import io.kubeward.maintenance.domain.MaintenanceValidation;
import io.kubeward.maintenance.domain.MaintenanceView;
import io.kubeward.runtime.app.ObjectWatcher;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * Use cases of node maintenance: create (also as a one-node drain), pause, resume, cancel
 * (audited), list, get, watch and preview, each sent to the cluster with the caller's identity, so
 * the cluster's RBAC on {@code nodemaintenances} decides (ADR 0013). Creating validates the whole
 * spec and checks the nodes first, so a bad request creates nothing.
 */
public final class ManageMaintenances {

  static final String KIND = "NodeMaintenance";
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final MaintenanceClusters clusters;
  private final Authorizer authorizer;
  private final AuditedAction audited;
  private final DrainPreviewer drainPreviewer;
  private final DrainOptions drainDefaults;
  private final Clock clock;

  public ManageMaintenances(
      MaintenanceClusters clusters,
      Authorizer authorizer,
      AuditedAction audited,
      DrainPreviewer drainPreviewer,
      DrainOptions drainDefaults,
      Clock clock) {
    this.clusters = clusters;
    this.authorizer = authorizer;
    this.audited = audited;
    this.drainPreviewer = drainPreviewer;
    this.drainDefaults = drainDefaults;
    this.clock = clock;
  }

  /** The body of {@code POST /nodes/{node}/drain}. */
  public record DrainRequest(
      @Nullable Boolean force,
      @Nullable Boolean deleteEmptyDirData,
      @Nullable Integer gracePeriodSeconds,
      @Nullable Long timeoutSeconds,
      @Nullable Long blockedReportAfterSeconds,
      @Nullable Boolean uncordon) {}

  public List<MaintenanceView> list(Caller caller, String cluster) {
    MaintenanceCluster c = cluster(cluster);
    authorizer.require(caller, Verb.READ, cluster, null);
    return c.store().list(caller).stream()
        .sorted(Comparator.comparing(Maintenance::createdAt).reversed())
        .map(MaintenanceView::of)
        .toList();
  }

  public MaintenanceView get(Caller caller, String cluster, String name) {
    MaintenanceCluster c = cluster(cluster);
    authorizer.require(caller, Verb.READ, cluster, null);
    return MaintenanceView.of(existing(caller, c, name));
  }

  /**
   * Calls {@code listener} with the current state, then on every change, and tells it when the
   * maintenance is deleted; close the returned handle to stop.
   */
  public AutoCloseable watch(
      Caller caller, String cluster, String name, ObjectWatcher<MaintenanceView> listener) {
    MaintenanceCluster c = cluster(cluster);
    authorizer.require(caller, Verb.READ, cluster, null);
    existing(caller, c, name);
    return c.store()
        .watch(
            caller,
            name,
            new ObjectWatcher<>() {
              @Override
              public void changed(Maintenance m) {
                listener.changed(MaintenanceView.of(m));
              }

              @Override
              public void deleted() {
                listener.deleted();
              }
            });
  }

  public MaintenanceView create(Caller caller, String cluster, String name, MaintenanceSpec spec) {
    MaintenanceCluster c = cluster(cluster);
    String chosen = name == null || name.isBlank() ? generatedName("nm") : name;
    return audited.run(
        caller,
        Verb.MUTATE,
        new AuditedAction.Target(cluster, null, KIND, chosen),
        "maintenance.create",
        () -> {
          MaintenanceValidation.validateName(chosen);
          resolveNodes(c, spec);
          requireDrainRights(caller, cluster);
          return AuditedAction.Outcome.of(
              MaintenanceView.of(c.store().create(caller, chosen, spec)));
        });
  }

  /** Creates a one-node maintenance without action; the node stays cordoned unless asked. */
  public MaintenanceView drainNode(Caller caller, String cluster, String node, DrainRequest body) {
    MaintenanceCluster c = cluster(cluster);
    DrainRequest r = body == null ? new DrainRequest(null, null, null, null, null, null) : body;
    String name = generatedName("drain-" + truncate(node, 200));
    MaintenanceSpec spec =
        new MaintenanceSpec(
            List.of(node),
            null,
            1,
            MaintenanceAction.NONE,
            null,
            null,
            new DrainSettings(
                r.force(),
                r.deleteEmptyDirData(),
                r.gracePeriodSeconds(),
                r.timeoutSeconds() == null ? null : r.timeoutSeconds() + "s",
                r.blockedReportAfterSeconds() == null ? null : r.blockedReportAfterSeconds() + "s"),
            null,
            null,
            r.uncordon() != null && r.uncordon(),
            false,
            false);
    return audited.run(
        caller,
        Verb.MUTATE,
        new AuditedAction.Target(cluster, null, "Node", node),
        "node.drain",
        () -> {
          MaintenanceValidation.validateDrainRequest(
              r.timeoutSeconds(), r.blockedReportAfterSeconds(), r.gracePeriodSeconds());
          resolveNodes(c, spec);
          requireDrainRights(caller, cluster);
          Maintenance created = c.store().create(caller, name, spec);
          return new AuditedAction.Outcome<>(
              MaintenanceView.of(created), "NodeMaintenance " + name);
        });
  }

  public MaintenanceView pause(Caller caller, String cluster, String name) {
    return flip(caller, cluster, name, "maintenance.pause", Map.of("paused", true));
  }

  public MaintenanceView resume(Caller caller, String cluster, String name) {
    return flip(caller, cluster, name, "maintenance.resume", Map.of("paused", false));
  }

  public MaintenanceView cancel(Caller caller, String cluster, String name) {
    return flip(caller, cluster, name, "maintenance.cancel", Map.of("cancelled", true));
  }

  public MaintenancePreview preview(Caller caller, String cluster, MaintenanceSpec spec) {
    MaintenanceCluster c = cluster(cluster);
    authorizer.require(caller, Verb.READ, cluster, null);
    List<String> nodes = resolveNodes(c, spec);
    DrainOptions options = spec.drain().options(drainDefaults);
    Map<String, DrainPlan> drains = new LinkedHashMap<>();
    for (String node : nodes) {
      drains.put(node, drainPreviewer.preview(caller, cluster, node, options));
    }
    return new MaintenancePreview(MaintenanceValidation.batches(nodes, spec.concurrency()), drains);
  }

  /**
   * Validates {@code spec} and returns its nodes in maintenance order.
   *
   * @throws InvalidMaintenanceException for an invalid spec or when no node is selected
   * @throws MaintenanceNodeNotFoundException for a listed node that does not exist
   */
  public static List<String> resolveNodes(MaintenanceCluster c, MaintenanceSpec spec) {
    MaintenanceValidation.validate(spec);
    if (!spec.nodes().isEmpty()) {
      for (String node : spec.nodes()) {
        if (!c.nodes().exists(node)) {
          throw new MaintenanceNodeNotFoundException(c.name(), node);
        }
      }
      return spec.nodes();
    }
    List<String> selected = c.nodes().select(spec.nodeSelector());
    if (selected.isEmpty()) {
      throw new InvalidMaintenanceException("nodeSelector", "selects no node");
    }
    return selected;
  }

  /**
   * The maintenance controller cordons and drains as Kubeward; the person who asks for it must be
   * allowed to do that themselves (ADR 0013), beyond creating the NodeMaintenance object.
   */
  private void requireDrainRights(Caller caller, String cluster) {
    for (ResourceAction action : ClusterActions.DRAIN_RIGHTS) {
      authorizer.requireAllowed(caller, cluster, action, "node maintenance");
    }
  }

  private MaintenanceView flip(
      Caller caller, String cluster, String name, String verb, Map<String, Object> fields) {
    MaintenanceCluster c = cluster(cluster);
    return audited.run(
        caller,
        Verb.MUTATE,
        new AuditedAction.Target(cluster, null, KIND, name),
        verb,
        () -> {
          Maintenance current = existing(caller, c, name);
          if (current.phase().finished()) {
            throw new MaintenanceFinishedException(cluster, name);
          }
          Maintenance changed = c.store().patchSpec(caller, name, fields);
          return new AuditedAction.Outcome<>(MaintenanceView.of(changed), "spec " + fields);
        });
  }

  private MaintenanceCluster cluster(String cluster) {
    return clusters.find(cluster).orElseThrow(() -> new ClusterNotFoundException(cluster));
  }

  private static Maintenance existing(Caller caller, MaintenanceCluster c, String name) {
    if (!Names.isObjectName(name)) { // no such object can exist; never ask the cluster
      throw new MaintenanceNotFoundException(c.name(), String.valueOf(name));
    }
    return c.store()
        .get(caller, name)
        .orElseThrow(() -> new MaintenanceNotFoundException(c.name(), name));
  }

  private String generatedName(String prefix) {
    String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000), 16);
    return prefix + "-" + STAMP.format(clock.instant()) + "-" + suffix;
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
