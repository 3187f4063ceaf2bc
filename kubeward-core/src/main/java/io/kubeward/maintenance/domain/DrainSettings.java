package io.kubeward.maintenance.domain;

import io.kubeward.drain.domain.DrainOptions;
import org.jspecify.annotations.Nullable;

/**
 * The drain part of a NodeMaintenance; unset fields take the configured defaults.
 *
 * @param timeout e.g. {@code 30m}
 * @param blockedReportAfter e.g. {@code 5m}
 */
public record DrainSettings(
    @Nullable Boolean force,
    @Nullable Boolean deleteEmptyDirData,
    @Nullable Integer gracePeriodSeconds,
    @Nullable String timeout,
    @Nullable String blockedReportAfter) {

  /** These settings over {@code defaults}. */
  public DrainOptions options(DrainOptions defaults) {
    return new DrainOptions(
        force != null ? force : defaults.force(),
        deleteEmptyDirData != null ? deleteEmptyDirData : defaults.deleteEmptyDirData(),
        gracePeriodSeconds != null ? gracePeriodSeconds : defaults.gracePeriodSeconds(),
        GoDuration.parseOr(timeout, defaults.timeout()),
        GoDuration.parseOr(blockedReportAfter, defaults.blockedReportAfter()));
  }
}
