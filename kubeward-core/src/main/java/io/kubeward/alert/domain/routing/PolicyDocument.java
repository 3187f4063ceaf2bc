package io.kubeward.alert.domain.routing;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The notification policy as it is written, stored and edited (the body of {@code PUT
 * /api/v1/alerting/policy}): the route tree, the inhibition rules, the named time intervals and
 * whether NodeMaintenance windows mute their nodes. {@link RoutingPolicy#compile} validates and
 * compiles it.
 */
public record PolicyDocument(
    RouteSpec route,
    @Nullable List<InhibitRuleSpec> inhibitRules,
    @Nullable List<TimeIntervalSpec> timeIntervals,
    @Nullable Boolean muteDuringMaintenance) {

  public PolicyDocument {
    inhibitRules = entries(inhibitRules, "inhibitRules");
    timeIntervals = entries(timeIntervals, "timeIntervals");
    muteDuringMaintenance = muteDuringMaintenance == null || muteDuringMaintenance;
  }

  /**
   * {@code list} copied ({@code []} for none); an empty entry ({@code null}, e.g. {@code [1,,2]}
   * from a hand-edited body) is a problem of the document, not of Kubeward.
   */
  static <T> List<T> entries(@Nullable List<T> list, String field) {
    if (list == null) {
      return List.of();
    }
    for (T entry : list) { // not contains(null): immutable lists refuse to look for null
      if (entry == null) {
        throw InvalidRoutingException.policy(List.of(field + ": an entry is empty (null)"));
      }
    }
    return List.copyOf(list);
  }

  /**
   * One node of the route tree. {@code null} fields are inherited from the parent (the root's
   * defaults: group by nothing, 30s, 5m, 4h, send resolved), except the time intervals, which hold
   * for the route that names them only (as in Alertmanager).
   */
  public record RouteSpec(
      @Nullable List<String> matchers,
      @Nullable List<String> channels,
      @Nullable List<String> groupBy,
      @Nullable String groupWait,
      @Nullable String groupInterval,
      @Nullable String repeatInterval,
      @Nullable Boolean sendResolved,
      @JsonProperty("continue") @Nullable Boolean continueMatching,
      @Nullable List<String> muteTimeIntervals,
      @Nullable List<String> activeTimeIntervals,
      @Nullable List<RouteSpec> routes) {

    public RouteSpec {
      matchers = entries(matchers, "matchers");
      muteTimeIntervals = entries(muteTimeIntervals, "muteTimeIntervals");
      activeTimeIntervals = entries(activeTimeIntervals, "activeTimeIntervals");
      routes = entries(routes, "routes");
      channels = channels == null ? null : entries(channels, "channels");
      groupBy = groupBy == null ? null : entries(groupBy, "groupBy");
    }
  }

  /**
   * Alerts matching {@code targetMatchers} are held back while an alert matching {@code
   * sourceMatchers} fires with the same values of the {@code equal} labels.
   */
  public record InhibitRuleSpec(
      @Nullable List<String> sourceMatchers,
      @Nullable List<String> targetMatchers,
      @Nullable List<String> equal) {
    public InhibitRuleSpec {
      sourceMatchers = entries(sourceMatchers, "sourceMatchers");
      targetMatchers = entries(targetMatchers, "targetMatchers");
      equal = entries(equal, "equal");
    }
  }

  /** A named set of time intervals (a mute timing), referred to by routes. */
  public record TimeIntervalSpec(String name, @Nullable List<IntervalSpec> intervals) {
    public TimeIntervalSpec {
      intervals = entries(intervals, "intervals");
    }
  }

  /**
   * One interval: an instant is in it when every field given holds (an empty field holds always).
   * {@code weekdays} {@code monday} or {@code monday:friday}; {@code daysOfMonth} {@code 1}, {@code
   * 1:7}, {@code -1} (the last day); {@code months} {@code january:march} or {@code 1:3}; {@code
   * years} {@code 2026:2027}; {@code location} an IANA time zone (default UTC).
   */
  public record IntervalSpec(
      @Nullable List<TimeRangeSpec> times,
      @Nullable List<String> weekdays,
      @Nullable List<String> daysOfMonth,
      @Nullable List<String> months,
      @Nullable List<String> years,
      @Nullable String location) {
    public IntervalSpec {
      times = entries(times, "times");
      weekdays = entries(weekdays, "weekdays");
      daysOfMonth = entries(daysOfMonth, "daysOfMonth");
      months = entries(months, "months");
      years = entries(years, "years");
    }
  }

  /**
   * {@code HH:mm} from {@code start} (inclusive) to {@code end} (exclusive, {@code 24:00} allowed);
   * an end at or before the start crosses midnight.
   */
  public record TimeRangeSpec(String start, String end) {}

  /**
   * The document used while none is stored: everything to no channel yet (an administrator adds
   * channels), grouped by alert name and cluster, resolved notifications on, a node-not-ready alert
   * inhibiting the other alerts on its node, maintenance windows muting their nodes.
   */
  public static PolicyDocument defaults() {
    return new PolicyDocument(
        new RouteSpec(
            List.of(),
            List.of(),
            List.of("alertname", "cluster"),
            "30s",
            "5m",
            "4h",
            true,
            false,
            List.of(),
            List.of(),
            List.of()),
        List.of(
            new InhibitRuleSpec(
                List.of("alertname=\"node-not-ready\""),
                List.of("node=~\".+\"", "alertname!=\"node-not-ready\""),
                List.of("cluster", "node"))),
        List.of(),
        true);
  }
}
