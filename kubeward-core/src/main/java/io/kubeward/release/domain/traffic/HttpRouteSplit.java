package io.kubeward.release.domain.traffic;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRefBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPHeaderMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatchBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRuleBuilder;
import io.kubeward.release.domain.ReleaseStepException;
import io.kubeward.release.domain.RouteMatch;
import io.kubeward.release.domain.TrafficSplit;
import io.kubeward.release.domain.TrafficTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A Release's traffic on a Gateway API HTTPRoute (pure). Every rule whose backendRefs name the
 * stable Service gets the canary Service added right after it (same port and filters); weights are
 * proportional within a rule, so stable gets {@code 100 - w} and canary {@code w} (exact when the
 * stable Service is the rule's only backend; other backends of the rule keep their weights). For
 * A/B, each such rule gets a copy placed before it whose matches also require the headers (exact
 * match; a cookie becomes a RegularExpression match of the {@code Cookie} header) and that sends
 * only to the canary: the Gateway API gives precedence to the match with more header matches.
 *
 * <p>Every change is derived from the route as it was before the Release ({@link #restore} of the
 * recorded changes, then the new split), so applying twice is applying once.
 */
public final class HttpRouteSplit {

  /** The Gateway API's limit of rules per HTTPRoute. */
  public static final int MAX_RULES = 16;

  /** The Gateway API's limit of matches across a route's rules (CEL rule of the CRD: below 128). */
  public static final int MAX_MATCHES = 127;

  /** The route after a change and the record of that change. */
  public record Result(HTTPRoute route, @Nullable RouteRecord record) {}

  private HttpRouteSplit() {}

  /**
   * The route with {@code split} applied for {@code target} ({@code record}: what the route carries
   * from an earlier call, or null).
   *
   * @throws ReleaseStepException {@code StableServiceNotInRoute} when no rule sends to the stable
   *     Service, {@code HeaderRouteNotSupported} when the A/B rules do not fit the route's limits
   */
  public static Result apply(
      HTTPRoute route, @Nullable RouteRecord record, TrafficTarget target, TrafficSplit split) {
    HTTPRoute base = restore(route, record);
    List<HTTPRouteRule> rules = new ArrayList<>(base.getSpec().getRules());
    List<RouteRecord.StableWeight> weights = new ArrayList<>();
    List<HTTPRouteRule> result = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      HTTPRouteRule rule = rules.get(i);
      int stable = indexOf(rule, target.stableService());
      if (stable < 0) {
        result.add(rule);
        continue;
      }
      HTTPBackendRef stableRef = rule.getBackendRefs().get(stable);
      weights.add(new RouteRecord.StableWeight(i, stable, stableRef.getWeight()));
      if (!split.headerRoute().isEmpty()) {
        result.add(headerRule(rule, stableRef, target.canaryService(), split.headerRoute()));
      }
      List<HTTPBackendRef> refs = new ArrayList<>(rule.getBackendRefs());
      refs.set(
          stable,
          new HTTPBackendRefBuilder(stableRef).withWeight(100 - split.canaryWeight()).build());
      refs.add(
          stable + 1,
          new HTTPBackendRefBuilder(stableRef)
              .withName(target.canaryService())
              .withWeight(split.canaryWeight())
              .build());
      result.add(new HTTPRouteRuleBuilder(rule).withBackendRefs(refs).build());
    }
    if (weights.isEmpty()) {
      throw new ReleaseStepException(
          "StableServiceNotInRoute",
          "no rule of HTTPRoute "
              + route.getMetadata().getName()
              + " sends to the stable Service "
              + target.stableService(),
          false);
    }
    int matches = result.stream().mapToInt(r -> Math.max(1, r.getMatches().size())).sum();
    if (result.size() > MAX_RULES || matches > MAX_MATCHES) {
      throw new ReleaseStepException(
          "HeaderRouteNotSupported",
          "HTTPRoute "
              + route.getMetadata().getName()
              + " cannot take the A/B rules: it would have "
              + result.size()
              + " rules (at most "
              + MAX_RULES
              + ") and "
              + matches
              + " matches (at most "
              + MAX_MATCHES
              + ")",
          false);
    }
    RouteRecord next =
        new RouteRecord(
            target.stableService(),
            target.canaryService(),
            split.canaryWeight(),
            weights,
            split.headerRoute());
    HTTPRoute changed = new HTTPRouteBuilder(base).editSpec().withRules(result).endSpec().build();
    return new Result(changed, next);
  }

  /**
   * The route without what {@code record} says was added: canary backendRefs next to the stable
   * Service's, the stable weights as they were, the A/B rules. Without a record, a copy.
   */
  public static HTTPRoute restore(HTTPRoute route, @Nullable RouteRecord record) {
    HTTPRoute copy = new HTTPRouteBuilder(route).build();
    if (record == null || copy.getSpec() == null) {
      return copy;
    }
    List<HTTPRouteRule> rules = new ArrayList<>();
    for (HTTPRouteRule rule : copy.getSpec().getRules()) {
      if (isHeaderRule(rule, record)) {
        continue;
      }
      rules.add(rule);
    }
    for (int i = 0; i < rules.size(); i++) {
      HTTPRouteRule rule = rules.get(i);
      int stable = indexOf(rule, record.stableService());
      if (stable < 0) {
        continue;
      }
      List<HTTPBackendRef> refs = new ArrayList<>(rule.getBackendRefs());
      refs.removeIf(ref -> isService(ref, record.canaryService()));
      int index = i;
      var recorded = record.stableWeights().stream().filter(w -> w.rule() == index).findFirst();
      Integer original =
          recorded.isPresent() ? recorded.get().weight() : refs.get(stable).getWeight();
      refs.set(stable, new HTTPBackendRefBuilder(refs.get(stable)).withWeight(original).build());
      rules.set(i, new HTTPRouteRuleBuilder(rule).withBackendRefs(refs).build());
    }
    return new HTTPRouteBuilder(copy).editSpec().withRules(rules).endSpec().build();
  }

  /**
   * The traffic the route asks for: the canary's share of the first rule sending to both Services
   * (rounded percent) and the record's header route when its A/B rules are in the route.
   */
  public static TrafficSplit observe(
      HTTPRoute route, @Nullable RouteRecord record, TrafficTarget target) {
    int weight = 0;
    boolean headerRules = false;
    if (route.getSpec() != null) {
      for (HTTPRouteRule rule : route.getSpec().getRules()) {
        if (record != null && isHeaderRule(rule, record)) {
          headerRules = true;
          continue;
        }
        int stable = indexOf(rule, target.stableService());
        int canary = indexOf(rule, target.canaryService());
        if (stable >= 0 && canary >= 0 && weight == 0) {
          int s = weightOf(rule.getBackendRefs().get(stable));
          int c = weightOf(rule.getBackendRefs().get(canary));
          weight = s + c == 0 ? 0 : (int) Math.round(100.0 * c / (s + c));
        }
      }
    }
    return new TrafficSplit(
        weight, headerRules && record != null ? record.headerRoute() : List.of());
  }

  /** The header matches of {@code match} as the Gateway API writes them. */
  public static List<HTTPHeaderMatch> headerMatches(List<RouteMatch> match) {
    List<HTTPHeaderMatch> headers = new ArrayList<>();
    for (RouteMatch m : match) {
      if (m.header() != null) {
        headers.add(new HTTPHeaderMatch(m.header(), "Exact", m.value()));
      } else if (m.cookie() != null) {
        headers.add(
            new HTTPHeaderMatch("Cookie", "RegularExpression", cookieRegex(m.cookie(), m.value())));
      }
    }
    return headers;
  }

  /**
   * A regular expression (RE2 and Java alike) matching a {@code Cookie} header that holds {@code
   * name=value} among its cookies, whether the implementation matches whole values or searches.
   */
  public static String cookieRegex(String name, String value) {
    return "^(.*;\\s*)?" + quote(name) + "=" + quote(value) + "(\\s*;.*)?$";
  }

  private static String quote(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (!Character.isLetterOrDigit(c) && c != '-' && c != '_') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  private static HTTPRouteRule headerRule(
      HTTPRouteRule rule, HTTPBackendRef stableRef, String canaryService, List<RouteMatch> match) {
    List<HTTPHeaderMatch> extra = headerMatches(match);
    List<HTTPRouteMatch> source =
        rule.getMatches().isEmpty()
            ? List.of(new HTTPRouteMatchBuilder().withNewPath("PathPrefix", "/").build())
            : rule.getMatches();
    List<HTTPRouteMatch> matches = new ArrayList<>();
    for (HTTPRouteMatch m : source) {
      List<HTTPHeaderMatch> headers = new ArrayList<>();
      for (HTTPHeaderMatch h : m.getHeaders()) {
        if (extra.stream().noneMatch(e -> sameName(e, h))) {
          headers.add(h);
        }
      }
      headers.addAll(extra);
      matches.add(new HTTPRouteMatchBuilder(m).withHeaders(headers).build());
    }
    HTTPBackendRef canary =
        new HTTPBackendRefBuilder(stableRef).withName(canaryService).withWeight(1).build();
    return new HTTPRouteRuleBuilder(rule)
        .withName(null)
        .withMatches(matches)
        .withBackendRefs(canary)
        .build();
  }

  /**
   * An A/B rule of {@code record}: it sends only to the canary Service and each of its matches
   * carries all of the record's header matches.
   */
  static boolean isHeaderRule(HTTPRouteRule rule, RouteRecord record) {
    if (record.headerRoute().isEmpty()
        || rule.getBackendRefs().isEmpty()
        || !rule.getBackendRefs().stream().allMatch(ref -> isService(ref, record.canaryService()))
        || rule.getMatches().isEmpty()) {
      return false;
    }
    List<HTTPHeaderMatch> expected = headerMatches(record.headerRoute());
    return rule.getMatches().stream()
        .allMatch(
            m ->
                expected.stream()
                    .allMatch(
                        e ->
                            m.getHeaders().stream()
                                .anyMatch(
                                    h ->
                                        sameName(e, h)
                                            && e.getValue().equals(h.getValue())
                                            && e.getType().equals(type(h)))));
  }

  private static String type(HTTPHeaderMatch h) {
    return h.getType() == null ? "Exact" : h.getType();
  }

  private static boolean sameName(HTTPHeaderMatch a, HTTPHeaderMatch b) {
    return a.getName() != null
        && b.getName() != null
        && a.getName().toLowerCase(Locale.ROOT).equals(b.getName().toLowerCase(Locale.ROOT));
  }

  private static int indexOf(HTTPRouteRule rule, String service) {
    List<HTTPBackendRef> refs = rule.getBackendRefs();
    for (int i = 0; i < refs.size(); i++) {
      if (isService(refs.get(i), service)) {
        return i;
      }
    }
    return -1;
  }

  /** A backendRef to the Service {@code service} of the route's own namespace. */
  private static boolean isService(HTTPBackendRef ref, String service) {
    return service.equals(ref.getName())
        && (ref.getGroup() == null || ref.getGroup().isEmpty())
        && (ref.getKind() == null || "Service".equals(ref.getKind()))
        && ref.getNamespace() == null;
  }

  private static int weightOf(HTTPBackendRef ref) {
    return ref.getWeight() == null ? 1 : ref.getWeight();
  }
}
