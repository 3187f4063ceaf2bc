package io.kubeward.server.alert.engine;

import io.kubeward.access.app.Caller;
import io.kubeward.alert.app.engine.AlertQuery;
import io.kubeward.alert.app.engine.LabelMatcher;
import io.kubeward.alert.app.engine.ListAlerts;
import io.kubeward.alert.domain.Alert;
import io.kubeward.alert.domain.AlertSeverity;
import io.kubeward.alert.domain.AlertState;
import io.kubeward.alert.domain.HistoryEntry;
import io.kubeward.alert.domain.HistoryKind;
import io.kubeward.common.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alerts and the alerting history (ADR 0031), read from the store by any replica, filtered by what
 * the caller may see.
 */
@RestController
@RequestMapping("/api/v1/alerts")
class AlertsController {

  private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{16}");
  private static final Pattern CLUSTER = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
  private static final int MAX_RULE = 400;
  private static final int MAX_CHANNEL = 63;

  private final ListAlerts alerts;

  AlertsController(ListAlerts alerts) {
    this.alerts = alerts;
  }

  @Schema(
      name = "Alert",
      description =
          "One alert: its labels (alertname, cluster, severity, rule, ...) and annotations"
              + " (summary, description, runbook_url; a .zh-CN suffix holds the 简体中文 text);"
              + " times ISO-8601")
  record AlertView(
      String fingerprint,
      @Schema(description = "cluster/<name> or site") String scope,
      @Nullable String cluster,
      String rule,
      @Nullable String alertname,
      @Schema(allowableValues = {"critical", "warning", "info"}) String severity,
      @Schema(allowableValues = {"pending", "firing", "resolved"}) String state,
      Map<String, String> labels,
      Map<String, String> annotations,
      Instant activeSince,
      @Nullable Instant firingSince,
      @Nullable Instant resolvedAt,
      Instant lastEvaluated,
      @Nullable Double value) {

    static AlertView of(Alert a) {
      return new AlertView(
          a.fingerprint(),
          a.scope().key(),
          a.label("cluster"),
          a.rule().value(),
          a.label("alertname"),
          a.severity().label(),
          a.state().name().toLowerCase(Locale.ROOT),
          a.labels(),
          a.annotations(),
          a.activeSince(),
          a.firingSince(),
          a.resolvedAt(),
          a.lastEvaluated(),
          a.value());
    }
  }

  @Schema(name = "AlertList")
  record AlertList(
      List<AlertView> items,
      @Schema(description = "Matching alerts the caller may see") int total,
      @Schema(description = "Token of the next page (the continue parameter), null at the end")
          @Nullable String continueToken) {}

  @Schema(
      name = "AlertHistoryEntry",
      description =
          "One line of the alerting history: a transition (firing, resolved), a silence,"
              + " inhibition or mute of an alert, a silence change, or one notification attempt"
              + " (channel, group, payload SHA-256, result, attempt, latency, error)")
  record HistoryView(
      long id,
      Instant at,
      String scope,
      @Schema(
              allowableValues = {
                "firing",
                "resolved",
                "silenced",
                "inhibited",
                "muted",
                "silence",
                "notification"
              })
          String kind,
      @Nullable String fingerprint,
      @Nullable String rule,
      @Nullable String channel,
      @Nullable String groupKey,
      @Nullable String payloadHash,
      @Nullable String result,
      int attempt,
      @Nullable Long latencyMillis,
      @Nullable String error,
      @Nullable String detail) {

    static HistoryView of(HistoryEntry e) {
      return new HistoryView(
          e.id() == null ? 0 : e.id(),
          e.at(),
          e.scope().key(),
          e.kind().name().toLowerCase(Locale.ROOT),
          e.fingerprint(),
          e.rule() == null ? null : e.rule().value(),
          e.channel(),
          e.groupKey(),
          e.payloadHash(),
          e.result(),
          e.attempt(),
          e.latencyMillis(),
          e.error(),
          e.detail());
    }
  }

  @Schema(name = "AlertHistoryList")
  record HistoryList(
      List<HistoryView> items,
      @Schema(description = "Token of the next (older) page, null at the end")
          @Nullable String continueToken) {}

  @Schema(name = "AlertDetail")
  record AlertDetail(AlertView alert, List<HistoryView> history) {}

  @Operation(summary = "Alerts the caller may see: firing first, then pending, then resolved")
  @GetMapping
  AlertList list(
      @Parameter(hidden = true) Caller caller,
      @Parameter(description = "The cluster the alerts are about (also site alerts about it)")
          @RequestParam(required = false)
          String cluster,
      @Parameter(description = "Comma-separated: pending, firing, resolved (default: all)")
          @RequestParam(required = false)
          String state,
      @Parameter(description = "Comma-separated: critical, warning, info")
          @RequestParam(required = false)
          String severity,
      @Parameter(description = "The rule: name, namespace/name or kubeward:name")
          @RequestParam(required = false)
          String rule,
      @Parameter(
              description =
                  "Label matchers, Prometheus syntax (name=\"v\", !=, =~, !~), repeatable, at"
                      + " most 20")
          @RequestParam(required = false)
          List<String> matcher,
      @RequestParam(required = false) String limit,
      @Parameter(description = "continueToken of the previous page")
          @RequestParam(name = "continue", required = false)
          String continueToken) {
    AlertQuery query =
        new AlertQuery(cluster(cluster), states(state), severities(severity), rule(rule));
    ListAlerts.Page page =
        alerts.list(
            caller,
            new ListAlerts.Filter(query, matchers(matcher)),
            Paging.limit(limit),
            (int) token("offset", continueToken, 0));
    return new AlertList(
        page.items().stream().map(AlertView::of).toList(),
        page.total(),
        page.next() == null ? null : encode("offset", page.next()));
  }

  @Operation(summary = "The alerting history the caller may see, newest first")
  @GetMapping("/history")
  HistoryList history(
      @Parameter(hidden = true) Caller caller,
      @RequestParam(required = false) String cluster,
      @RequestParam(required = false) String fingerprint,
      @RequestParam(required = false) String rule,
      @RequestParam(required = false) String channel,
      @Parameter(
              description =
                  "Comma-separated: firing, resolved, silenced, inhibited, muted, silence,"
                      + " notification")
          @RequestParam(required = false)
          String kind,
      @Parameter(description = "ISO-8601, inclusive") @RequestParam(required = false) String from,
      @Parameter(description = "ISO-8601, exclusive") @RequestParam(required = false) String to,
      @RequestParam(required = false) String limit,
      @RequestParam(name = "continue", required = false) String continueToken) {
    long before = token("before", continueToken, -1);
    int size = Paging.limit(limit);
    ListAlerts.HistoryFilter filter =
        new ListAlerts.HistoryFilter(
            cluster(cluster),
            fingerprint == null || fingerprint.isBlank() ? null : fingerprint(fingerprint),
            rule(rule),
            channel(channel),
            kinds(kind),
            instant("from", from),
            instant("to", to),
            before < 0 ? null : before);
    List<HistoryEntry> entries = alerts.history(caller, filter, size);
    String next =
        entries.size() < size || entries.getLast().id() == null
            ? null
            : encode("before", entries.getLast().id());
    return new HistoryList(entries.stream().map(HistoryView::of).toList(), next);
  }

  @Operation(summary = "One alert and its history (a cluster's alert, else a site alert)")
  @GetMapping("/{fingerprint}")
  AlertDetail get(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String fingerprint,
      @RequestParam(required = false) String cluster) {
    ListAlerts.Detail detail = alerts.get(caller, fingerprint(fingerprint), cluster(cluster));
    return new AlertDetail(
        AlertView.of(detail.alert()), detail.history().stream().map(HistoryView::of).toList());
  }

  private static @Nullable String cluster(@Nullable String cluster) {
    if (cluster == null || cluster.isBlank()) {
      return null;
    }
    if (!CLUSTER.matcher(cluster).matches()) {
      throw Paging.invalid("cluster", cluster, "a cluster name");
    }
    return cluster;
  }

  private static String fingerprint(String text) {
    if (!FINGERPRINT.matcher(text).matches()) {
      throw Paging.invalid("fingerprint", text, "16 hexadecimal digits");
    }
    return text;
  }

  private static @Nullable String rule(@Nullable String rule) {
    if (rule == null || rule.isBlank()) {
      return null;
    }
    if (rule.length() > MAX_RULE) {
      throw Paging.invalid("rule", rule.substring(0, 64), "at most " + MAX_RULE + " characters");
    }
    return rule.strip();
  }

  private static @Nullable String channel(@Nullable String channel) {
    if (channel == null || channel.isBlank()) {
      return null;
    }
    if (channel.length() > MAX_CHANNEL) {
      throw Paging.invalid("channel", channel.substring(0, 64), "a channel name");
    }
    return channel.strip();
  }

  private static Set<AlertState> states(@Nullable String text) {
    Set<AlertState> out = EnumSet.noneOf(AlertState.class);
    for (String part : parts(text)) {
      try {
        out.add(AlertState.valueOf(part.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw Paging.invalid("state", part, "pending, firing or resolved");
      }
    }
    return out;
  }

  private static Set<AlertSeverity> severities(@Nullable String text) {
    Set<AlertSeverity> out = EnumSet.noneOf(AlertSeverity.class);
    for (String part : parts(text)) {
      out.add(
          AlertSeverity.ofLabel(part.toLowerCase(Locale.ROOT))
              .orElseThrow(() -> Paging.invalid("severity", part, "critical, warning or info")));
    }
    return out;
  }

  private static Set<HistoryKind> kinds(@Nullable String text) {
    Set<HistoryKind> out = EnumSet.noneOf(HistoryKind.class);
    for (String part : parts(text)) {
      try {
        out.add(HistoryKind.valueOf(part.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw Paging.invalid(
            "kind", part, "firing, resolved, silenced, inhibited, muted, silence or notification");
      }
    }
    return out;
  }

  private static List<String> parts(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    if (text.length() > 200) {
      throw Paging.invalid("list", text.substring(0, 64), "at most 200 characters");
    }
    List<String> out = new ArrayList<>();
    for (String part : text.split(",")) {
      if (!part.isBlank()) {
        out.add(part.strip());
      }
    }
    return out;
  }

  private static List<LabelMatcher> matchers(@Nullable List<String> texts) {
    if (texts == null) {
      return List.of();
    }
    if (texts.size() > LabelMatcher.MAX_MATCHERS) {
      throw Paging.invalid(
          "matcher", texts.size() + " matchers", "at most " + LabelMatcher.MAX_MATCHERS);
    }
    List<LabelMatcher> out = new ArrayList<>();
    for (String text : texts) {
      try {
        out.add(LabelMatcher.parse(text));
      } catch (IllegalArgumentException e) {
        throw Paging.invalid(
            "matcher", text.length() > 64 ? text.substring(0, 64) : text, e.getMessage());
      }
    }
    return out;
  }

  private static @Nullable Instant instant(String name, @Nullable String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw Paging.invalid(name, text.length() > 64 ? text.substring(0, 64) : text, "ISO-8601");
    }
  }

  private static String encode(String kind, long value) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((kind + ":" + value).getBytes(StandardCharsets.UTF_8));
  }

  private static long token(String kind, @Nullable String token, long none) {
    if (token == null || token.isBlank()) {
      return none;
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (text.startsWith(kind + ":")) {
        long value = Long.parseLong(text.substring(kind.length() + 1));
        if (value >= 0 && value <= Integer.MAX_VALUE) {
          return value;
        }
      }
    } catch (IllegalArgumentException e) {
      // falls through
    }
    throw Paging.invalid(
        "continue", token.length() > 64 ? token.substring(0, 64) : token, "a token of a page");
  }
}
