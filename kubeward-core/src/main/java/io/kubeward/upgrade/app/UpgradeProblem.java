package io.kubeward.upgrade.app;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.util.Map;

/** Problems of the upgrade-readiness feature ({@code problem.upgrade.*}). */
public final class UpgradeProblem extends KubewardException {

  public static final String INVALID_TARGET = "upgrade.invalid-target";
  public static final String VERSION_UNKNOWN = "upgrade.version-unknown";
  public static final String INVALID_FORMAT = "upgrade.invalid-format";

  private UpgradeProblem(String code, ErrorKind kind, String message, Map<String, Object> props) {
    super(code, kind, message, props);
  }

  public static UpgradeProblem invalidTarget(
      String cluster, String target, String from, String to) {
    return new UpgradeProblem(
        INVALID_TARGET,
        ErrorKind.INVALID,
        "The target version \""
            + target
            + "\" is not valid for cluster "
            + cluster
            + ": give a minor version from "
            + from
            + " to "
            + to,
        props("cluster", cluster, "target", target, "from", from, "to", to));
  }

  public static UpgradeProblem versionUnknown(String cluster, String version) {
    return new UpgradeProblem(
        VERSION_UNKNOWN,
        ErrorKind.UNAVAILABLE,
        "Kubeward does not know the Kubernetes version of cluster "
            + cluster
            + " yet ("
            + version
            + ")",
        props("cluster", cluster, "version", version));
  }

  public static UpgradeProblem invalidFormat(String format) {
    return new UpgradeProblem(
        INVALID_FORMAT,
        ErrorKind.INVALID,
        "The report format \"" + format + "\" is not known: use markdown or json",
        props("format", format));
  }
}
