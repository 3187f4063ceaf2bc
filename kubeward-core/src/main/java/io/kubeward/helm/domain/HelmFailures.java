package io.kubeward.helm.domain;

import java.util.List;
import java.util.Locale;

/**
 * Turns what helm wrote to standard error into one precise {@link HelmException}: the apiserver's
 * refusal (forbidden), a release that exists or does not, a chart that cannot be found, a timeout,
 * or else helm's own last error line. Pure.
 */
public final class HelmFailures {

  static final int MAX_REASON = 2_000;

  private HelmFailures() {}

  public static HelmException translate(HelmCommand command, String stderr, long timeoutSeconds) {
    String reason = reason(stderr);
    String lower = reason.toLowerCase(Locale.ROOT);
    String operation = command.operation().verb();
    if (lower.contains("forbidden") || lower.contains("unauthorized")) {
      return HelmException.forbidden(reason);
    }
    if (lower.contains("cannot re-use a name that is still in use")
        || lower.contains("cannot reuse a name that is still in use")) {
      return HelmException.exists(command.namespace(), command.release());
    }
    if (lower.contains("release: not found")
        || lower.contains("has no deployed releases")
        || (command.operation() == HelmCommand.Operation.UNINSTALL
            && lower.contains("not found"))) {
      return HelmException.notFound("-", command.namespace(), command.release());
    }
    if (command.chart() != null && chartMissing(lower)) {
      return HelmException.chartNotFound(reason);
    }
    if (lower.contains("context deadline exceeded") || lower.contains("timed out waiting")) {
      return HelmException.timedOut(operation, timeoutSeconds);
    }
    return HelmException.failed(operation, reason);
  }

  private static boolean chartMissing(String lower) {
    return List.of(
            "not found in",
            "no chart version found",
            "no chart name found",
            "failed to fetch",
            "404 not found",
            ": not found",
            "looks like \"",
            "no such host",
            "connection refused")
        .stream()
        .anyMatch(lower::contains);
  }

  /** Helm's last {@code Error:} line without the prefix, bounded; else its last line. */
  static String reason(String stderr) {
    if (stderr == null || stderr.isBlank()) {
      return "helm wrote no error message";
    }
    String found = null;
    String last = null;
    for (String line : stderr.split("\\R")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      last = trimmed;
      if (trimmed.startsWith("Error:")) {
        found = trimmed.substring("Error:".length()).strip();
      }
    }
    String reason = found != null ? found : last;
    return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "…" : reason;
  }
}
