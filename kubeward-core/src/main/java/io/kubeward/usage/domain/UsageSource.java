package io.kubeward.usage.domain;

import org.jspecify.annotations.Nullable;

/**
 * Where an answer's {@code used} values come from, as the API shows it.
 *
 * @param kind {@code metrics-api} or {@code none}
 * @param reason why there is no source ({@code not-installed}, {@code unavailable}, {@code
 *     timed-out}, {@code forbidden}, {@code failed}), {@code null} with a source
 * @param message what it means for the reader, in their language (English from core; the server
 *     translates), {@code null} with a source
 * @param installHint the command that installs metrics-server, {@code null} with a source
 */
public record UsageSource(
    String kind, @Nullable String reason, @Nullable String message, @Nullable String installHint) {

  public static UsageSource of(MetricsSource source) {
    if (source.available()) {
      return new UsageSource(source.kind().apiName(), null, null, null);
    }
    String reason =
        source.reason() == null ? MetricsSource.Reason.FAILED.code() : source.reason().code();
    return new UsageSource(
        source.kind().apiName(),
        reason,
        "No metrics source answers in this cluster, so live usage is not shown: requests, limits"
            + " and allocatable are. Install metrics-server: "
            + MetricsSource.INSTALL_HINT,
        MetricsSource.INSTALL_HINT);
  }

  public UsageSource withMessage(@Nullable String translated) {
    return new UsageSource(kind, reason, translated, installHint);
  }
}
