package io.kubeward.release.domain.traffic;

import io.kubeward.common.Names;
import io.kubeward.diagnostics.domain.Bilingual;
import io.kubeward.release.domain.RouteMatch;
import io.kubeward.release.domain.TrafficRouting;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The static checks of the ingress-nginx and Gateway API routers (pure): the routing spec's object
 * names and what a {@code setHeaderRoute} step may ask of each router. The Release's one validator
 * calls them through the {@code TrafficRouter} port.
 */
public final class TrafficValidation {

  /** RFC 7230 token: what both an HTTP header name and a cookie name are made of. */
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9!#$%&'*+\\-.^_`|~]{1,256}");

  /** RFC 6265 cookie-octets, also used for header values: no regex or quoting surprises. */
  private static final Pattern VALUE =
      Pattern.compile("[\\x21\\x23-\\x2B\\x2D-\\x3A\\x3C-\\x5B\\x5D-\\x7E]+");

  public static final int MAX_VALUE = 256;

  /** ingress-nginx: one canary-by-header or one canary-by-cookie per canary Ingress. */
  public static final int NGINX_MAX_MATCHES = 1;

  /** Gateway API: header matches added to each of a rule's matches (the CRD allows 16 in all). */
  public static final int GATEWAY_MAX_MATCHES = 8;

  /** The cookie value ingress-nginx routes to the canary ({@code never}: to stable). */
  public static final String NGINX_COOKIE_ALWAYS = "always";

  private TrafficValidation() {}

  /** Problems of {@code routing} for the ingress-nginx router. */
  public static List<Bilingual> ingressNginx(TrafficRouting routing) {
    if (routing.ingressNginx() == null) {
      return List.of(TrafficTexts.wrongRouter(routing.type(), "ingressNginx"));
    }
    return name(
        "spec.strategy.canary.trafficRouting.ingressNginx.ingress",
        routing.ingressNginx().ingress());
  }

  /** Problems of {@code routing} for the Gateway API router. */
  public static List<Bilingual> gatewayApi(TrafficRouting routing) {
    if (routing.gatewayApi() == null) {
      return List.of(TrafficTexts.wrongRouter(routing.type(), "gatewayApi"));
    }
    return name(
        "spec.strategy.canary.trafficRouting.gatewayApi.httpRoute",
        routing.gatewayApi().httpRoute());
  }

  /** Problems of a header route for ingress-nginx: one match; a cookie's value is "always". */
  public static List<Bilingual> nginxHeaderRoute(List<RouteMatch> match) {
    List<Bilingual> problems = common(match, NGINX_MAX_MATCHES, "ingressNginx");
    for (int i = 0; i < match.size(); i++) {
      RouteMatch m = match.get(i);
      if (m.cookie() != null && m.header() == null && !NGINX_COOKIE_ALWAYS.equals(m.value())) {
        problems.add(TrafficTexts.nginxCookieAlways(i));
      }
    }
    return problems;
  }

  /** Problems of a header route for the Gateway API (all matches must hold: AND). */
  public static List<Bilingual> gatewayHeaderRoute(List<RouteMatch> match) {
    List<Bilingual> problems = common(match, GATEWAY_MAX_MATCHES, "gatewayApi");
    if (match == null) {
      return problems;
    }
    if (match.stream().filter(m -> m.cookie() != null).count() > 1) {
      problems.add(TrafficTexts.oneCookie());
    }
    java.util.Set<String> seen = new java.util.HashSet<>();
    boolean cookie = match.stream().anyMatch(m -> m.cookie() != null && m.header() == null);
    for (int i = 0; i < match.size(); i++) {
      String header = match.get(i).header();
      if (header == null) {
        continue;
      }
      String key = header.toLowerCase(java.util.Locale.ROOT);
      if (!seen.add(key) || (cookie && key.equals("cookie"))) {
        problems.add(TrafficTexts.duplicateHeader(i, header));
      }
    }
    return problems;
  }

  private static List<Bilingual> common(List<RouteMatch> match, int max, String router) {
    List<Bilingual> problems = new ArrayList<>();
    if (match == null || match.isEmpty()) {
      problems.add(TrafficTexts.noMatch());
      return problems;
    }
    if (match.size() > max) {
      problems.add(TrafficTexts.tooManyMatches(router, max));
    }
    for (int i = 0; i < match.size(); i++) {
      RouteMatch m = match.get(i);
      if ((m.header() == null) == (m.cookie() == null)) {
        problems.add(TrafficTexts.headerXorCookie(i));
        continue;
      }
      if (m.header() != null && !TOKEN.matcher(m.header()).matches()) {
        problems.add(TrafficTexts.invalidHeaderName(i, m.header()));
      }
      if (m.cookie() != null && !TOKEN.matcher(m.cookie()).matches()) {
        problems.add(TrafficTexts.invalidCookieName(i, m.cookie()));
      }
      if (m.value() == null
          || m.value().length() > MAX_VALUE
          || !VALUE.matcher(m.value()).matches()) {
        problems.add(TrafficTexts.invalidValue(i, MAX_VALUE));
      }
    }
    return problems;
  }

  private static List<Bilingual> name(String field, String name) {
    if (name == null || !Names.isObjectName(name)) {
      return List.of(TrafficTexts.invalidObjectName(field, String.valueOf(name)));
    }
    return List.of();
  }
}
