package io.kubeward.server.history;

import io.kubeward.access.app.Caller;
import io.kubeward.history.app.HistoryRequestException;
import io.kubeward.history.app.PromResult;
import io.kubeward.history.app.PromSeries;
import io.kubeward.history.app.RunPromql;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The PromQL explorer: instant and range queries against the cluster's Prometheus, for Kubeward's
 * administrators and users the cluster lets list pods in all namespaces (ADR 0021). Bounded;
 * Prometheus' own error text is shown as it is.
 */
@RestController
@RequestMapping("/api/v1/clusters/{cluster}/promql")
class PromqlController {

  private final RunPromql promql;

  PromqlController(RunPromql promql) {
    this.promql = promql;
  }

  @Schema(name = "PromqlQuery")
  record Query(
      String query,
      @Schema(
              description = "Evaluation time: epoch milliseconds or ISO-8601 (default now)",
              nullable = true)
          @Nullable String time) {}

  @Schema(name = "PromqlRange")
  record Range(
      String query,
      @Schema(description = "Epoch milliseconds or ISO-8601") String start,
      @Schema(description = "Epoch milliseconds or ISO-8601") String end,
      @Schema(description = "Seconds, or a duration such as 15s, 5m, 1h") String step) {}

  @Schema(
      name = "PromqlAnswer",
      description =
          "Prometheus' answer, bounded: at most the server's number of series and points"
              + " (truncated: true when something was left out)")
  record Answer(
      @Schema(allowableValues = {"matrix", "vector", "scalar", "string"}) String resultType,
      List<PromqlSeries> series,
      boolean truncated,
      List<String> warnings) {}

  @Schema(name = "PromqlSeries")
  record PromqlSeries(
      Map<String, String> labels,
      @Schema(
              description =
                  "[epoch milliseconds, value] pairs; a value that is not finite (NaN, ±Inf) is"
                      + " null")
          List<List<@Nullable Number>> points) {}

  @Schema(name = "PromqlAccess")
  record Access(
      @Schema(description = "Whether the caller may use the PromQL explorer here")
          boolean allowed) {}

  @Operation(summary = "Whether the caller may use the PromQL explorer in this cluster")
  @GetMapping("/access")
  Access access(@Parameter(hidden = true) Caller caller, @PathVariable String cluster) {
    return new Access(promql.allowed(caller, cluster));
  }

  @Operation(summary = "An instant PromQL query (admins, or who may list pods in all namespaces)")
  @PostMapping("/query")
  Answer query(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @RequestBody Query query) {
    return answer(
        promql.query(
            caller, cluster, query.query(), HistoryController.instant("time", query.time())));
  }

  @Operation(summary = "A range PromQL query (admins, or who may list pods in all namespaces)")
  @PostMapping("/range")
  Answer range(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @RequestBody Range range) {
    return answer(
        promql.range(
            caller,
            cluster,
            range.query(),
            HistoryController.instant("start", range.start()),
            HistoryController.instant("end", range.end()),
            step(range.step())));
  }

  static Answer answer(PromResult result) {
    List<PromqlSeries> series = new ArrayList<>(result.series().size());
    for (PromSeries s : result.series()) {
      List<List<Number>> points = new ArrayList<>(s.points().size());
      for (PromSeries.Sample p : s.points()) {
        points.add(Arrays.asList(p.t(), Double.isFinite(p.v()) ? p.v() : null));
      }
      series.add(new PromqlSeries(new java.util.TreeMap<>(s.labels()), points));
    }
    return new Answer(result.resultType(), series, result.truncated(), result.warnings());
  }

  /** Seconds ({@code 15}, {@code 0.5}) or a duration ({@code 15s}, {@code 5m}, {@code 1h}). */
  static Duration step(String step) {
    if (step == null || step.isBlank()) {
      return null;
    }
    String s = step.strip();
    try {
      double seconds;
      if (s.endsWith("ms")) {
        seconds = Double.parseDouble(s.substring(0, s.length() - 2)) / 1000;
      } else if (s.endsWith("s")) {
        seconds = Double.parseDouble(s.substring(0, s.length() - 1));
      } else if (s.endsWith("m")) {
        seconds = Double.parseDouble(s.substring(0, s.length() - 1)) * 60;
      } else if (s.endsWith("h")) {
        seconds = Double.parseDouble(s.substring(0, s.length() - 1)) * 3600;
      } else if (s.endsWith("d")) {
        seconds = Double.parseDouble(s.substring(0, s.length() - 1)) * 86400;
      } else {
        seconds = Double.parseDouble(s);
      }
      if (!Double.isFinite(seconds) || seconds <= 0 || seconds > 366 * 86400) {
        throw new NumberFormatException();
      }
      return Duration.ofMillis(Math.round(seconds * 1000));
    } catch (NumberFormatException e) {
      throw HistoryRequestException.invalid("step", "must be seconds or a duration like 15s, 5m");
    }
  }
}
