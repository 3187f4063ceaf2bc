package io.kubeward.helm.app;

import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.Verb;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.cluster.app.ClusterNotFoundException;
import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.common.KubewardException;
import io.kubeward.common.RedactionMarks;
import io.kubeward.helm.domain.ChartSource;
import io.kubeward.helm.domain.HelmCommand;
import io.kubeward.helm.domain.HelmException;
import io.kubeward.helm.domain.HelmLimits;
import io.kubeward.helm.domain.HelmRelease;
import io.kubeward.helm.domain.HelmReleaseDetail;
import io.kubeward.helm.domain.SensitiveValues;
import io.kubeward.resource.app.ObjectAccess;
import io.kubeward.resource.app.ObjectCodec;
import io.kubeward.resource.domain.UnifiedDiff;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Use cases: install, upgrade (with its preview), rollback and uninstall of Helm releases, each run
 * by helm with the caller's Kubernetes identity and audited as {@code helm.<operation>} with the
 * chart and the values diff. Inputs are checked before helm runs; what helm refuses comes back as
 * one precise problem.
 */
public final class HelmOperations {

  public static final String KIND = "HelmRelease";

  private final ClusterRegistry clusters;
  private final Authorizer authorizer;
  private final AuditedAction audited;
  private final HelmReleases releases;
  private final HelmRunner runner;
  private final ObjectAccess objects;
  private final ObjectCodec codec;
  private final HelmSettings settings;
  private final RedactionMarks marks = new RedactionMarks();

  public HelmOperations(
      ClusterRegistry clusters,
      Authorizer authorizer,
      AuditedAction audited,
      HelmReleases releases,
      HelmRunner runner,
      ObjectAccess objects,
      ObjectCodec codec,
      HelmSettings settings) {
    this.clusters = clusters;
    this.authorizer = authorizer;
    this.audited = audited;
    this.releases = releases;
    this.runner = runner;
    this.objects = objects;
    this.codec = codec;
    this.settings = settings;
  }

  /** The largest uploaded chart accepted. */
  public long maxChartBytes() {
    return settings.maxChartBytes();
  }

  public HelmChange install(
      Caller caller,
      String cluster,
      String namespace,
      String name,
      ChartSource chart,
      String values) {
    HelmCommand command =
        HelmCommand.install(
            namespace, name, chart, checkedValues(values), settings.timeoutSeconds());
    prepare(cluster, chart);
    String after = valuesYaml(values);
    return change(
        caller,
        cluster,
        command,
        () -> {
          requireHelm();
          runner.run(caller, cluster, command);
          HelmReleaseDetail installed = releases.current(caller, cluster, namespace, name);
          return result(command, installed, diff(null, after, 0), auditDiff(null, after, 0));
        });
  }

  /** The values diff and the server-side dry run's manifest diffed against the live objects. */
  public UpgradePreview previewUpgrade(
      Caller caller,
      String cluster,
      String namespace,
      String name,
      ChartSource chart,
      String values) {
    HelmCommand command =
        HelmCommand.upgrade(
            namespace, name, chart, checkedValues(values), true, settings.timeoutSeconds());
    prepare(cluster, chart);
    authorizer.require(caller, Verb.MUTATE, cluster, namespace);
    HelmReleaseDetail current = releases.current(caller, cluster, namespace, name);
    requireHelm();
    String rendered = runner.run(caller, cluster, command);
    Object manifest = codec.parse(rendered).get("manifest");
    return new UpgradePreview(
        current.release().revision(),
        chart.describe(),
        diff(current.valuesYaml(), valuesYaml(values), current.release().revision()),
        compare(caller, cluster, namespace, manifest instanceof String text ? text : ""));
  }

  public HelmChange upgrade(
      Caller caller,
      String cluster,
      String namespace,
      String name,
      ChartSource chart,
      String values) {
    HelmCommand command =
        HelmCommand.upgrade(
            namespace, name, chart, checkedValues(values), false, settings.timeoutSeconds());
    prepare(cluster, chart);
    return change(
        caller,
        cluster,
        command,
        () -> {
          HelmReleaseDetail before = releases.current(caller, cluster, namespace, name);
          requireHelm();
          runner.run(caller, cluster, command);
          HelmReleaseDetail after = releases.current(caller, cluster, namespace, name);
          int previous = before.release().revision();
          return result(
              command,
              after,
              diff(before.valuesYaml(), after.valuesYaml(), previous),
              auditDiff(before.valuesYaml(), after.valuesYaml(), previous));
        });
  }

  public HelmChange rollback(
      Caller caller, String cluster, String namespace, String name, Integer revision) {
    int to = HelmLimits.revision(revision);
    HelmCommand command = HelmCommand.rollback(namespace, name, to, settings.timeoutSeconds());
    prepare(cluster, null);
    return change(
        caller,
        cluster,
        command,
        () -> {
          HelmReleaseDetail before = releases.current(caller, cluster, namespace, name);
          releases.revision(caller, cluster, namespace, name, to);
          requireHelm();
          runner.run(caller, cluster, command);
          HelmReleaseDetail after = releases.current(caller, cluster, namespace, name);
          int previous = before.release().revision();
          return result(
              command,
              after,
              diff(before.valuesYaml(), after.valuesYaml(), previous),
              auditDiff(before.valuesYaml(), after.valuesYaml(), previous));
        });
  }

  public HelmChange uninstall(Caller caller, String cluster, String namespace, String name) {
    HelmCommand command = HelmCommand.uninstall(namespace, name, settings.timeoutSeconds());
    prepare(cluster, null);
    return change(
        caller,
        cluster,
        command,
        () -> {
          HelmReleaseDetail before = releases.current(caller, cluster, namespace, name);
          requireHelm();
          runner.run(caller, cluster, command);
          HelmRelease last = before.release();
          HelmRelease gone =
              new HelmRelease(
                  last.name(),
                  last.namespace(),
                  last.revision(),
                  "uninstalled",
                  last.chart(),
                  last.chartVersion(),
                  last.appVersion(),
                  last.updated(),
                  last.description());
          return new AuditedAction.Outcome<>(
              new HelmChange(command.operation().verb(), gone, List.of(), "", -1),
              header(command) + auditDiff(before.valuesYaml(), null, last.revision()));
        });
  }

  private HelmChange change(
      Caller caller, String cluster, HelmCommand command, AuditedAction.Action<HelmChange> action) {
    AuditedAction.Recorded<HelmChange> recorded =
        audited.runRecorded(
            caller,
            Verb.MUTATE,
            new AuditedAction.Target(cluster, command.namespace(), KIND, command.release()),
            "helm." + command.operation().verb(),
            action);
    HelmChange change = recorded.value();
    return new HelmChange(
        change.operation(),
        change.release(),
        change.hooks(),
        change.valuesDiff(),
        recorded.auditId());
  }

  /** The caller sees the values diff they caused; the audit log keeps it with secrets marked. */
  private static AuditedAction.Outcome<HelmChange> result(
      HelmCommand command, HelmReleaseDetail now, String valuesDiff, String auditDiff) {
    return new AuditedAction.Outcome<>(
        new HelmChange(command.operation().verb(), now.release(), now.hooks(), valuesDiff, -1),
        header(command) + auditDiff);
  }

  /** The audit diff's first line: the command as asked (chart and version), never values. */
  private static String header(HelmCommand command) {
    return "# helm " + command.describe() + "\n";
  }

  private void prepare(String cluster, ChartSource chart) {
    if (clusters.find(cluster).isEmpty()) {
      throw new ClusterNotFoundException(cluster);
    }
    if (chart instanceof ChartSource.Uploaded uploaded
        && uploaded.archive().length > settings.maxChartBytes()) {
      throw HelmException.tooLarge("the uploaded chart", settings.maxChartBytes());
    }
  }

  /**
   * Checked just before helm would run, after the inputs, the caller's rights and the release's
   * existence: what is wrong with the request is said first.
   */
  private void requireHelm() {
    if (!runner.available()) {
      throw HelmException.unavailable(runner.binary());
    }
  }

  /** Bounded, one YAML mapping (or nothing); the text goes to helm as given. */
  private String checkedValues(String values) {
    String text = HelmLimits.valuesSize(values);
    if (!text.isBlank()) {
      codec.parse(text);
    }
    return text.isBlank() ? null : text;
  }

  private String valuesYaml(String values) {
    return values == null || values.isBlank() ? "" : codec.toYaml(codec.parse(values));
  }

  private String auditDiff(String before, String after, int revision) {
    return diff(redacted(before), redacted(after), revision);
  }

  private String redacted(String valuesYaml) {
    if (valuesYaml == null || valuesYaml.isBlank()) {
      return valuesYaml;
    }
    return codec.toYaml(SensitiveValues.redacted(codec.parse(valuesYaml), marks::mark));
  }

  private static String diff(String before, String after, int revision) {
    return UnifiedDiff.of(
        before == null || before.isBlank() ? null : before,
        after == null ? "" : after,
        revision == 0 ? "/dev/null" : "values (revision " + revision + ")",
        "values (new)");
  }

  @SuppressWarnings("unchecked")
  private List<UpgradePreview.HelmObjectChange> compare(
      Caller caller, String cluster, String namespace, String manifest) {
    if (manifest.isBlank()) {
      return List.of();
    }
    List<UpgradePreview.HelmObjectChange> changes = new ArrayList<>();
    for (ObjectCodec.Document document : codec.parseAll(manifest)) {
      Map<String, Object> object = new LinkedHashMap<>(document.object());
      Map<String, Object> metadata =
          object.get("metadata") instanceof Map<?, ?> meta
              ? new LinkedHashMap<>((Map<String, Object>) meta)
              : new LinkedHashMap<>();
      metadata.putIfAbsent("namespace", namespace);
      object.put("metadata", metadata);
      String kind = String.valueOf(object.get("kind"));
      String objectName = String.valueOf(metadata.get("name"));
      try {
        ObjectAccess.Preview preview = objects.preview(caller, cluster, codec.toJson(object), true);
        changes.add(
            new UpgradePreview.HelmObjectChange(
                kind, namespace, objectName, preview.changed(), preview.diff(), null));
      } catch (KubewardException refused) {
        changes.add(
            new UpgradePreview.HelmObjectChange(
                kind,
                namespace,
                objectName,
                false,
                "",
                refused.code() + ": " + refused.getMessage()));
      }
    }
    return changes;
  }
}
