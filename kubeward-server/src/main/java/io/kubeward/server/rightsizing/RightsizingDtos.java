package io.kubeward.server.rightsizing;

import io.kubeward.rightsizing.app.RecommendationList;
import io.kubeward.rightsizing.app.RightsizingChange;
import io.kubeward.rightsizing.domain.ContainerRequests;
import io.kubeward.rightsizing.domain.Quantities;
import io.kubeward.rightsizing.domain.Recommendation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The JSON of the right-sizing API: quantities as Kubernetes writes them, numbers beside. */
final class RightsizingDtos {

  private RightsizingDtos() {}

  /** Requests and limits as quantities ({@code null}: not set). */
  @Schema(name = "RightsizingResources")
  record Resources(
      @Nullable String cpuRequest,
      @Nullable String memoryRequest,
      @Nullable String cpuLimit,
      @Nullable String memoryLimit) {

    static Resources of(ContainerRequests r) {
      return new Resources(
          cpu(r.cpuRequest()),
          memory(r.memoryRequest()),
          cpu(r.cpuLimit()),
          memory(r.memoryLimit()));
    }

    static Resources of(long cpuRequest, long memoryRequest, long cpuLimit, long memoryLimit) {
      return new Resources(
          cpuRequest == 0 ? null : Quantities.cpu(cpuRequest),
          memoryRequest == 0 ? null : Quantities.memory(memoryRequest),
          cpuLimit == 0 ? null : Quantities.cpu(cpuLimit),
          memoryLimit == 0 ? null : Quantities.memory(memoryLimit));
    }
  }

  /** One container's recommendation. */
  @Schema(name = "RightsizingRow")
  record Row(
      String namespace,
      String kind,
      String workload,
      String container,
      int replicas,
      Resources current,
      @Nullable String cpuRecommended,
      @Nullable String memoryRecommended,
      @Schema(description = "CPU usage at the percentile, millicores") @Nullable Double cpuUsage,
      @Schema(description = "memory usage at the percentile, bytes") @Nullable Double memoryUsage,
      int samples,
      @Schema(description = "share of the window between the first and the last sample")
          double coverage,
      @Schema(allowableValues = {"low", "medium", "high"}) String confidence,
      @Schema(
              allowableValues = {
                "no-data",
                "no-requests",
                "over-committed",
                "idle",
                "over-provisioned",
                "right-sized"
              })
          String verdict,
      @Schema(description = "(requested − recommended) × replicas, millicores") long wastedCpu,
      @Schema(description = "(requested − recommended) × replicas, bytes") long wastedMemory,
      double score) {

    static Row of(Recommendation r) {
      var c = r.current();
      return new Row(
          c.namespace(),
          c.workloadKind(),
          c.workload(),
          c.container(),
          c.replicas(),
          Resources.of(c.cpuRequest(), c.memoryRequest(), c.cpuLimit(), c.memoryLimit()),
          r.cpuRecommended() == 0 ? null : Quantities.cpu(r.cpuRecommended()),
          r.memoryRecommended() == 0 ? null : Quantities.memory(r.memoryRecommended()),
          Double.isNaN(r.cpuUsage()) ? null : r.cpuUsage(),
          Double.isNaN(r.memoryUsage()) ? null : r.memoryUsage(),
          r.samples(),
          r.coverage(),
          r.confidence().wireName(),
          r.verdict().wireName(),
          r.wastedCpu(),
          r.wastedMemory(),
          r.score());
    }
  }

  /** The ranked recommendations and how they were computed. */
  @Schema(name = "RightsizingListView")
  record ListView(
      String cluster,
      @Schema(allowableValues = {"prometheus", "built-in", "none"}) String source,
      Instant windowStart,
      Instant windowEnd,
      double cpuPercentile,
      double memoryPercentile,
      double cpuMargin,
      double memoryMargin,
      List<Row> items,
      boolean truncated) {

    static ListView of(RecommendationList l) {
      return new ListView(
          l.cluster(),
          l.source(),
          l.windowStart(),
          l.windowEnd(),
          l.cpuPercentile(),
          l.memoryPercentile(),
          l.cpuMargin(),
          l.memoryMargin(),
          l.items().stream().map(Row::of).toList(),
          l.truncated());
    }
  }

  /** An applied change. */
  @Schema(name = "RightsizingChange")
  record Change(
      long id,
      String namespace,
      String kind,
      String workload,
      String container,
      Resources before,
      Resources after,
      String appliedBy,
      Instant appliedAt,
      @Nullable String revertedBy,
      @Nullable Instant revertedAt,
      @Schema(description = "the audit record of this apply or revert; -1 in lists") long auditId) {

    static Change of(RightsizingChange c, long auditId) {
      return new Change(
          c.id(),
          c.namespace(),
          c.workloadKind(),
          c.workload(),
          c.container(),
          Resources.of(c.before()),
          Resources.of(c.after()),
          c.appliedBy(),
          c.appliedAt(),
          c.revertedBy(),
          c.revertedAt(),
          auditId);
    }
  }

  /** What to apply or export. */
  @Schema(name = "RightsizingApplyBody")
  record ApplyBody(
      String namespace,
      @Schema(allowableValues = {"Deployment", "StatefulSet", "DaemonSet", "CronJob"}) String kind,
      String name,
      String container,
      @Schema(description = "new CPU request (1m..256); omitted: the recommendation")
          @Nullable String cpu,
      @Schema(description = "new memory request (1Mi..1Ti); omitted: the recommendation")
          @Nullable String memory,
      @Schema(description = "also raise a limit the new request would exceed")
          @Nullable Boolean raiseLimits) {}

  /** A patch to apply with kubectl. */
  @Schema(name = "RightsizingExportView")
  record ExportView(String yaml, String command) {}

  private static @Nullable String cpu(@Nullable Long v) {
    return v == null ? null : Quantities.cpu(v);
  }

  private static @Nullable String memory(@Nullable Long v) {
    return v == null ? null : Quantities.memory(v);
  }
}
