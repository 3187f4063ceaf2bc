package io.kubeward.server.history;

import io.kubeward.access.app.Caller;
import io.kubeward.history.app.GetHistory;
import io.kubeward.history.app.GetHistoryStatus;
import io.kubeward.history.app.HistoryRequestException;
import io.kubeward.history.domain.History;
import io.kubeward.history.domain.Missing;
import io.kubeward.history.domain.Point;
import io.kubeward.history.domain.Series;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** History charts of a cluster's objects, and what the built-in history stores (admins). */
@RestController
@RequestMapping("/api/v1")
class HistoryController {

  private final GetHistory getHistory;
  private final GetHistoryStatus getStatus;
  private final MessageSource messages;

  HistoryController(GetHistory getHistory, GetHistoryStatus getStatus, MessageSource messages) {
    this.getHistory = getHistory;
    this.getStatus = getStatus;
    this.messages = messages;
  }

  @Schema(
      name = "HistoryAnswer",
      description =
          "A target's history. Times are epoch milliseconds; CPU in millicores, memory and"
              + " filesystem in bytes, network in bytes per second, pods as a count.")
  record HistoryAnswer(
      @Schema(
              description = "Where the history comes from",
              allowableValues = {"prometheus", "built-in", "none"})
          String source,
      @Schema(description = "Seconds between two points") long step,
      @Schema(description = "The window's start, epoch milliseconds") long start,
      @Schema(description = "The window's end, epoch milliseconds") long end,
      List<SeriesAnswer> series,
      @Schema(description = "Metrics the source does not have for this target, and why")
          List<MissingAnswer> missing,
      @Schema(
              description =
                  "Why there is no history (source none), in the caller's language, with what to"
                      + " install",
              nullable = true)
          @Nullable String message) {}

  @Schema(name = "HistorySeries")
  record SeriesAnswer(
      @Schema(
              allowableValues = {
                "cpu",
                "memory",
                "pods",
                "network-receive",
                "network-transmit",
                "filesystem"
              })
          String metric,
      @Schema(allowableValues = {"millicores", "bytes", "count", "bytes/s"}) String unit,
      @Schema(description = "[epoch milliseconds, value] pairs, oldest first")
          List<List<Number>> points) {}

  @Schema(name = "HistoryMissing")
  record MissingAnswer(
      String metric,
      @Schema(
              description =
                  "needs-cadvisor, needs-kube-state-metrics, needs-node-exporter, needs-prometheus,"
                      + " not-sampled, no-data")
          String reason,
      @Schema(description = "The reason in the caller's language") String message) {}

  @Operation(
      summary =
          "History of the cluster, a node, a namespace, a workload or a pod: from the cluster's"
              + " Prometheus if configured, else Kubeward's built-in history")
  @GetMapping("/clusters/{cluster}/history")
  HistoryAnswer history(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @Parameter(description = "cluster, node, namespace, workload or pod")
          @RequestParam(defaultValue = "cluster")
          String target,
      @Parameter(description = "The node, namespace, workload or pod name")
          @RequestParam(required = false)
          String name,
      @Parameter(description = "The namespace of a workload or pod") @RequestParam(required = false)
          String namespace,
      @Parameter(
              description =
                  "A workload's kind: Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob")
          @RequestParam(required = false)
          String kind,
      @Parameter(description = "1h, 6h, 24h or 7d, ending now (default 1h)")
          @RequestParam(required = false)
          String range,
      @Parameter(description = "A custom window's start: epoch milliseconds or ISO-8601")
          @RequestParam(required = false)
          String start,
      @Parameter(description = "A custom window's end (default now)")
          @RequestParam(required = false)
          String end,
      Locale locale) {
    History history =
        getHistory.get(
            caller,
            cluster,
            new GetHistory.Request(
                target,
                name,
                namespace,
                kind,
                range,
                instant("start", start),
                instant("end", end)));
    return answer(history, locale);
  }

  @Operation(
      summary = "What the built-in history stores per cluster and the space it takes (admin)")
  @GetMapping("/history/status")
  GetHistoryStatus.Status status(@Parameter(hidden = true) Caller caller) {
    return getStatus.status(caller);
  }

  HistoryAnswer answer(History history, Locale locale) {
    List<SeriesAnswer> series = new ArrayList<>();
    for (Series s : history.series()) {
      List<List<Number>> points = new ArrayList<>(s.points().size());
      for (Point p : s.points()) {
        points.add(List.<Number>of(p.t(), p.v()));
      }
      series.add(new SeriesAnswer(s.metric().wireName(), s.unit(), points));
    }
    List<MissingAnswer> missing = new ArrayList<>();
    for (Missing m : history.missing()) {
      missing.add(
          new MissingAnswer(
              m.metric().wireName(),
              m.reason(),
              messages.getMessage(
                  "history.missing." + m.reason(),
                  new Object[] {m.metric().wireName()},
                  m.message(),
                  locale)));
    }
    String message =
        history.message() == null
            ? null
            : messages.getMessage(
                "history.message." + history.message(), null, history.message(), locale);
    return new HistoryAnswer(
        history.source().wireName(),
        history.step().toSeconds(),
        history.window().start().toEpochMilli(),
        history.window().end().toEpochMilli(),
        series,
        missing,
        message);
  }

  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  /** Epoch milliseconds or ISO-8601 (1970 to 9999); {@code null} if absent. */
  static Instant instant(String parameter, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    Instant instant;
    try {
      instant =
          v.chars().allMatch(Character::isDigit) && v.length() <= 15
              ? Instant.ofEpochMilli(Long.parseLong(v))
              : Instant.parse(v);
    } catch (DateTimeException | NumberFormatException e) {
      throw HistoryRequestException.invalid(
          parameter, "must be epoch milliseconds or an ISO-8601 instant");
    }
    if (instant.isBefore(Instant.EPOCH) || instant.isAfter(LATEST)) {
      throw HistoryRequestException.invalid(parameter, "must be between 1970 and 9999");
    }
    return instant;
  }
}
