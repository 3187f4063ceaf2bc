package io.kubeward.alert.domain.routing;

import io.kubeward.alert.domain.routing.PolicyDocument.InhibitRuleSpec;
import io.kubeward.alert.domain.routing.PolicyDocument.RouteSpec;
import io.kubeward.alert.domain.routing.PolicyDocument.TimeIntervalSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A validated, compiled {@link PolicyDocument}: the route tree with inherited settings, the
 * inhibition rules and the named time intervals. {@link #compile} finds every problem at once.
 */
public record RoutingPolicy(
    Route root,
    List<InhibitRule> inhibitRules,
    Map<String, TimeInterval> timeIntervals,
    boolean muteDuringMaintenance) {

  public static final int MAX_DEPTH = 10;
  public static final int MAX_ROUTES = 500;
  public static final int MAX_MATCHERS = 20;
  public static final int MAX_CHANNELS = 20;
  public static final int MAX_GROUP_BY = 20;
  public static final int MAX_INHIBIT_RULES = 100;
  public static final int MAX_TIME_INTERVALS = 100;
  public static final Duration GROUP_WAIT_MAX = Duration.ofHours(1);
  public static final Duration GROUP_INTERVAL_MIN = Duration.ofSeconds(1);
  public static final Duration GROUP_INTERVAL_MAX = Duration.ofHours(24);
  public static final Duration REPEAT_INTERVAL_MIN = Duration.ofMinutes(1);
  public static final Duration REPEAT_INTERVAL_MAX = Duration.ofDays(30);

  /** Channel names are DNS labels. */
  private static final Pattern CHANNEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_.\\-]{0,127}");

  /** Whether the named time interval holds at {@code now} (an unknown name never holds). */
  public boolean inInterval(String name, Instant now) {
    TimeInterval t = timeIntervals.get(name);
    return t != null && t.contains(now);
  }

  /**
   * Why a route does not notify at {@code now}: the first of its mute time intervals that holds, or
   * {@code "inactive"} when it has active time intervals and none holds.
   */
  public Optional<String> muted(Route route, Instant now) {
    for (String name : route.muteTimeIntervals()) {
      if (inInterval(name, now)) {
        return Optional.of(name);
      }
    }
    if (!route.activeTimeIntervals().isEmpty()
        && route.activeTimeIntervals().stream().noneMatch(n -> inInterval(n, now))) {
      return Optional.of("inactive");
    }
    return Optional.empty();
  }

  /**
   * Validates and compiles the document.
   *
   * @throws InvalidRoutingException with every problem found
   */
  public static RoutingPolicy compile(PolicyDocument document) {
    List<String> problems = new ArrayList<>();
    if (document == null || document.route() == null) {
      throw InvalidRoutingException.policy(List.of("route: the root route is missing"));
    }
    Map<String, TimeInterval> intervals = new LinkedHashMap<>();
    if (document.timeIntervals().size() > MAX_TIME_INTERVALS) {
      problems.add("timeIntervals: at most " + MAX_TIME_INTERVALS);
    } else {
      for (int i = 0; i < document.timeIntervals().size(); i++) {
        TimeIntervalSpec t = document.timeIntervals().get(i);
        String where = "timeIntervals[" + i + "]";
        if (t == null || t.name() == null || !CHANNEL.matcher(t.name()).matches()) {
          problems.add(where + ".name: a lower-case name (letters, digits, -) is needed");
          continue;
        }
        if (intervals.containsKey(t.name())) {
          problems.add(where + ".name: \"" + t.name() + "\" is defined twice");
          continue;
        }
        intervals.put(t.name(), TimeInterval.compile(t, where, problems));
      }
    }
    RouteSpec rootSpec = document.route();
    if (!rootSpec.matchers().isEmpty()) {
      problems.add("route.matchers: the root route matches every alert and takes no matchers");
    }
    Route defaults =
        new Route(
            "",
            List.of(),
            List.of(),
            Set.of(),
            false,
            Duration.ofSeconds(30),
            Duration.ofMinutes(5),
            Duration.ofHours(4),
            true,
            false,
            List.of(),
            List.of(),
            List.of());
    int[] count = {0};
    Route root = route(rootSpec, defaults, "0", "route", 1, intervals.keySet(), count, problems);
    List<InhibitRule> inhibit = new ArrayList<>();
    if (document.inhibitRules().size() > MAX_INHIBIT_RULES) {
      problems.add("inhibitRules: at most " + MAX_INHIBIT_RULES);
    } else {
      for (int i = 0; i < document.inhibitRules().size(); i++) {
        InhibitRuleSpec r = document.inhibitRules().get(i);
        String where = "inhibitRules[" + i + "]";
        if (r == null) {
          problems.add(where + ": empty");
          continue;
        }
        List<LabelMatcher> source =
            matchers(r.sourceMatchers(), where + ".sourceMatchers", problems);
        List<LabelMatcher> target =
            matchers(r.targetMatchers(), where + ".targetMatchers", problems);
        if (r.sourceMatchers().isEmpty() || r.targetMatchers().isEmpty()) {
          problems.add(where + ": needs source and target matchers");
        }
        labels(r.equal(), where + ".equal", problems);
        inhibit.add(new InhibitRule(source, target, List.copyOf(r.equal())));
      }
    }
    if (!problems.isEmpty()) {
      throw InvalidRoutingException.policy(problems);
    }
    return new RoutingPolicy(
        root, List.copyOf(inhibit), Map.copyOf(intervals), document.muteDuringMaintenance());
  }

  private static Route route(
      RouteSpec spec,
      Route parent,
      String path,
      String where,
      int depth,
      Set<String> intervals,
      int[] count,
      List<String> problems) {
    if (++count[0] > MAX_ROUTES) {
      if (count[0] == MAX_ROUTES + 1) {
        problems.add("route: at most " + MAX_ROUTES + " routes");
      }
      return parent;
    }
    if (depth > MAX_DEPTH) {
      problems.add(where + ": routes nest at most " + MAX_DEPTH + " deep");
      return parent;
    }
    List<LabelMatcher> matchers = matchers(spec.matchers(), where + ".matchers", problems);
    List<String> channels = parent.channels();
    if (spec.channels() != null) {
      if (spec.channels().size() > MAX_CHANNELS) {
        problems.add(where + ".channels: at most " + MAX_CHANNELS);
      }
      for (String c : spec.channels()) {
        if (c == null || !CHANNEL.matcher(c).matches()) {
          problems.add(where + ".channels: \"" + c + "\" is not a channel name (a DNS label)");
        }
      }
      channels = List.copyOf(new LinkedHashSet<>(spec.channels()));
    }
    Set<String> groupBy = parent.groupBy();
    boolean all = parent.groupByAll();
    if (spec.groupBy() != null) {
      if (spec.groupBy().size() > MAX_GROUP_BY) {
        problems.add(where + ".groupBy: at most " + MAX_GROUP_BY);
      }
      all = spec.groupBy().contains("...");
      if (all && spec.groupBy().size() > 1) {
        problems.add(where + ".groupBy: \"...\" groups by every label and stands alone");
      }
      if (!all) {
        labels(spec.groupBy(), where + ".groupBy", problems);
      }
      groupBy = all ? Set.of() : Set.copyOf(new LinkedHashSet<>(spec.groupBy()));
    }
    Duration wait =
        duration(
            spec.groupWait(),
            parent.groupWait(),
            where + ".groupWait",
            Duration.ZERO,
            GROUP_WAIT_MAX,
            problems);
    Duration interval =
        duration(
            spec.groupInterval(),
            parent.groupInterval(),
            where + ".groupInterval",
            GROUP_INTERVAL_MIN,
            GROUP_INTERVAL_MAX,
            problems);
    Duration repeat =
        duration(
            spec.repeatInterval(),
            parent.repeatInterval(),
            where + ".repeatInterval",
            REPEAT_INTERVAL_MIN,
            REPEAT_INTERVAL_MAX,
            problems);
    for (String n : spec.muteTimeIntervals()) {
      if (!intervals.contains(n)) {
        problems.add(where + ".muteTimeIntervals: no time interval \"" + n + "\"");
      }
    }
    for (String n : spec.activeTimeIntervals()) {
      if (!intervals.contains(n)) {
        problems.add(where + ".activeTimeIntervals: no time interval \"" + n + "\"");
      }
    }
    boolean sendResolved =
        spec.sendResolved() == null ? parent.sendResolved() : spec.sendResolved();
    Route self =
        new Route(
            path,
            matchers,
            channels,
            groupBy,
            all,
            wait,
            interval,
            repeat,
            sendResolved,
            spec.continueMatching() != null && spec.continueMatching(),
            List.copyOf(spec.muteTimeIntervals()),
            List.copyOf(spec.activeTimeIntervals()),
            List.of());
    List<Route> children = new ArrayList<>();
    for (int i = 0; i < spec.routes().size(); i++) {
      RouteSpec child = spec.routes().get(i);
      String at = where + ".routes[" + i + "]";
      if (child == null) {
        problems.add(at + ": empty");
        continue;
      }
      children.add(route(child, self, path + "." + i, at, depth + 1, intervals, count, problems));
    }
    return new Route(
        path,
        matchers,
        channels,
        groupBy,
        all,
        wait,
        interval,
        repeat,
        sendResolved,
        self.continueMatching(),
        self.muteTimeIntervals(),
        self.activeTimeIntervals(),
        List.copyOf(children));
  }

  private static Duration duration(
      String text,
      Duration inherited,
      String where,
      Duration min,
      Duration max,
      List<String> problems) {
    if (text == null) {
      return inherited;
    }
    try {
      return RoutingDurations.parseBounded(where, text, min, max);
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
      return inherited;
    }
  }

  /** Parses matchers, adding each problem (prefixed with {@code where}). */
  public static List<LabelMatcher> matchers(
      List<String> texts, String where, List<String> problems) {
    List<LabelMatcher> out = new ArrayList<>();
    if (texts.size() > MAX_MATCHERS) {
      problems.add(where + ": at most " + MAX_MATCHERS + " matchers");
      return out;
    }
    for (String t : texts) {
      try {
        out.add(LabelMatcher.parse(t));
      } catch (IllegalArgumentException e) {
        problems.add(where + ": " + e.getMessage());
      }
    }
    return List.copyOf(out);
  }

  private static void labels(List<String> names, String where, List<String> problems) {
    Set<String> seen = new HashSet<>();
    for (String n : names) {
      if (n == null || !LABEL.matcher(n).matches()) {
        problems.add(where + ": \"" + n + "\" is not a label name");
      } else if (!seen.add(n)) {
        problems.add(where + ": \"" + n + "\" is listed twice");
      }
    }
  }
}
