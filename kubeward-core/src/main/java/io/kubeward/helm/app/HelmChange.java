package io.kubeward.helm.app;

import io.kubeward.helm.domain.HelmHook;
import io.kubeward.helm.domain.HelmRelease;
import java.util.List;

/**
 * What an install, upgrade, rollback or uninstall left: the release's revision as its Secret now
 * holds it (status, chart) with the hooks' last run phases, the values diff, and the number of the
 * audit record written for it.
 *
 * @param release the resulting revision; for an uninstall, the last one, with status {@code
 *     uninstalled}
 */
public record HelmChange(
    String operation, HelmRelease release, List<HelmHook> hooks, String valuesDiff, long auditId) {

  public HelmChange {
    hooks = List.copyOf(hooks);
  }
}
