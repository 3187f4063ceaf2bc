package io.kubeward.maintenance.app;

import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
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
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Use cases of node maintenance: create (also as a one-node drain), pause, resume, cancel (cluster-
 * wide MUTATE, audited), list, get, watch and preview (cluster-wide READ). Creating validates the
 * whole spec and checks the nodes first, so a bad request creates nothing.
 */
public final class ManageMaintenances {

  static final String KIND = "NodeMaintenance";
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final MaintenanceClusters clusters;
  private final AuditedAction audited;
  private final DrainPreviewer drainPreviewer;
  private final DrainOptions drainDefaults;
  private final Clock clock;

  public ManageMaintenances(
      MaintenanceClusters clusters,
      AuditedAction audited,
      DrainPreviewer drainPreviewer,
      DrainOptions drainDefaults,
      Clock clock) {
    this.clusters = clusters;
    this.audited = audited;
    this.drainPreviewer = drainPreviewer;
    this.drainDefaults = drainDefaults;
    this.clock = clock;
  }

  /** The body of {@code POST /nodes/{node}/drain}. */
  public record DrainRequest(
      Boolean force,
      Boolean deleteEmptyDirData,
      Integer gracePeriodSeconds,
      Long timeoutSeconds,
      Long blockedReportAfterSeconds,
      Boolean uncordon) {}

  public List<MaintenanceView> list(Caller caller, String cluster) {
    MaintenanceCluster c = cluster(cluster);
    Authorizer.require(caller, Verb.READ, cluster, null);
    return c.store().list().stream()
        .sorted(Comparator.comparing(Maintenance::createdAt).reversed())
        .map(MaintenanceView::of)
        .toList();
  }

  public MaintenanceView get(Caller caller, String cluster, String name) {
    MaintenanceCluster c = cluster(cluster);
    Authorizer.require(caller, Verb.READ, cluster, null);
    return MaintenanceView.of(existing(c, name));
  }

  /**
   * Calls {@code listener} with the current state, then on every change; close the returned handle
   * to stop.
   */
  public AutoCloseable watch(
      Caller caller, String cluster, String name, Consumer<MaintenanceView> listener) {
    MaintenanceCluster c = cluster(cluster);
    Authorizer.require(caller, Verb.READ, cluster, null);
    existing(c, name);
    AutoCloseable handle = c.store().watch(name, m -> listener.accept(MaintenanceView.of(m)));
    c.store().get(name).map(MaintenanceView::of).ifPresent(listener);
    return handle;
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
          return AuditedAction.Outcome.of(
              MaintenanceView.of(c.store().create(chosen, caller.username(), spec)));
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
          Maintenance created = c.store().create(name, caller.username(), spec);
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
    Authorizer.require(caller, Verb.READ, cluster, null);
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

  private MaintenanceView flip(
      Caller caller, String cluster, String name, String verb, Map<String, Object> fields) {
    MaintenanceCluster c = cluster(cluster);
    return audited.run(
        caller,
        Verb.MUTATE,
        new AuditedAction.Target(cluster, null, KIND, name),
        verb,
        () -> {
          Maintenance current = existing(c, name);
          if (current.phase().finished()) {
            throw new MaintenanceFinishedException(cluster, name);
          }
          Maintenance changed = c.store().patchSpec(name, fields);
          return new AuditedAction.Outcome<>(MaintenanceView.of(changed), "spec " + fields);
        });
  }

  private MaintenanceCluster cluster(String cluster) {
    return clusters.find(cluster).orElseThrow(() -> new ClusterNotFoundException(cluster));
  }

  private static Maintenance existing(MaintenanceCluster c, String name) {
    if (!Names.isObjectName(name)) { // no such object can exist; never ask the cluster
      throw new MaintenanceNotFoundException(c.name(), String.valueOf(name));
    }
    return c.store().get(name).orElseThrow(() -> new MaintenanceNotFoundException(c.name(), name));
  }

  private String generatedName(String prefix) {
    String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000), 16);
    return prefix + "-" + STAMP.format(clock.instant()) + "-" + suffix;
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
