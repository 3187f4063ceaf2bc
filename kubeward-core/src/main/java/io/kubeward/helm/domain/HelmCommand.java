package io.kubeward.helm.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * One helm invocation, validated: the operation and its arguments, without the connection (the
 * runner adds {@code --kubeconfig} and the caller's {@code --kube-as-user}/{@code
 * --kube-as-group}). Every value goes as {@code --flag=value} or as a positional argument checked
 * not to start with {@code -}, so nothing a user types can become a flag. Pure.
 *
 * @param valuesYaml the values document to pass as a file ({@code null}: none)
 * @param chart the chart (install and upgrade), else {@code null}
 */
public record HelmCommand(
    Operation operation,
    String namespace,
    String release,
    ChartSource chart,
    String valuesYaml,
    int revision,
    boolean dryRun,
    long timeoutSeconds) {

  /** What helm is asked to do. */
  public enum Operation {
    INSTALL("install"),
    UPGRADE("upgrade"),
    ROLLBACK("rollback"),
    UNINSTALL("uninstall");

    private final String verb;

    Operation(String verb) {
      this.verb = verb;
    }

    public String verb() {
      return verb;
    }
  }

  public HelmCommand {
    HelmLimits.namespace(namespace);
    HelmLimits.releaseName(release);
    if ((operation == Operation.INSTALL || operation == Operation.UPGRADE) && chart == null) {
      throw HelmException.invalid("a chart is required");
    }
    if (operation == Operation.ROLLBACK) {
      HelmLimits.revision(revision);
    }
    if (timeoutSeconds < 1) {
      throw new IllegalArgumentException("timeout must be positive");
    }
  }

  public static HelmCommand install(
      String namespace, String release, ChartSource chart, String values, long timeout) {
    return new HelmCommand(Operation.INSTALL, namespace, release, chart, values, 0, false, timeout);
  }

  public static HelmCommand upgrade(
      String namespace,
      String release,
      ChartSource chart,
      String values,
      boolean dryRun,
      long timeout) {
    return new HelmCommand(
        Operation.UPGRADE, namespace, release, chart, values, 0, dryRun, timeout);
  }

  public static HelmCommand rollback(String namespace, String release, int revision, long timeout) {
    return new HelmCommand(
        Operation.ROLLBACK, namespace, release, null, null, revision, false, timeout);
  }

  public static HelmCommand uninstall(String namespace, String release, long timeout) {
    return new HelmCommand(Operation.UNINSTALL, namespace, release, null, null, 0, false, timeout);
  }

  /**
   * The arguments after the binary, before the connection flags.
   *
   * @param valuesFile where the runner wrote {@link #valuesYaml()} (unused without values)
   * @param chartFile where the runner wrote an uploaded chart (unused for other sources)
   */
  public List<String> arguments(String valuesFile, String chartFile) {
    List<String> args = new ArrayList<>();
    args.add(operation.verb());
    args.add(release);
    switch (operation) {
      case INSTALL, UPGRADE -> {
        args.addAll(chart.arguments(chartFile));
        if (valuesYaml != null && !valuesYaml.isBlank()) {
          args.add("--values=" + valuesFile);
        }
        if (operation == Operation.UPGRADE) {
          // the values given are the whole user configuration, as the editor shows it
          args.add("--reset-values");
        }
        if (dryRun) {
          args.add("--dry-run=server");
        }
        args.add("--output=json");
      }
      case ROLLBACK -> args.add(Integer.toString(revision));
      case UNINSTALL -> {}
    }
    args.add("--namespace=" + namespace);
    args.add("--timeout=" + timeoutSeconds + "s");
    return List.copyOf(args);
  }

  /** For the audit record: what was asked, never the values' content. */
  public String describe() {
    return switch (operation) {
      case INSTALL, UPGRADE -> operation.verb() + " " + release + " " + chart.describe();
      case ROLLBACK -> "rollback " + release + " to revision " + revision;
      case UNINSTALL -> "uninstall " + release;
    };
  }
}
