package io.kubeward.release.domain.traffic;

import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPathBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressRuleValue;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackendBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLSBuilder;
import io.kubeward.release.domain.ReleaseLabels;
import io.kubeward.release.domain.ReleaseStepException;
import io.kubeward.release.domain.RouteMatch;
import io.kubeward.release.domain.TrafficSplit;
import io.kubeward.release.domain.TrafficTarget;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The ingress-nginx canary of a Release (pure): a second Ingress for the same hosts and paths,
 * named {@code <ingress>-<release>-canary}, whose backends are the canary Service and whose
 * annotations tell ingress-nginx how much traffic to send there. ingress-nginx evaluates its canary
 * rules in the order {@code canary-by-header} → {@code canary-by-cookie} → {@code canary-weight}; a
 * request carrying the header with {@code canary-by-header-value}, or the cookie with the value
 * {@code always}, goes to the canary whatever the weight. Only one canary Ingress per stable
 * Ingress is honoured by ingress-nginx.
 */
public final class NginxCanary {

  public static final String CONTROLLER = "k8s.io/ingress-nginx";
  public static final String PREFIX = "nginx.ingress.kubernetes.io/";
  public static final String CANARY = PREFIX + "canary";
  public static final String WEIGHT = PREFIX + "canary-weight";
  public static final String BY_HEADER = PREFIX + "canary-by-header";
  public static final String BY_HEADER_VALUE = PREFIX + "canary-by-header-value";
  public static final String BY_COOKIE = PREFIX + "canary-by-cookie";

  /** The legacy class annotation: copied so that the canary is served by the same controller. */
  public static final String LEGACY_CLASS = "kubernetes.io/ingress.class";

  private static final int MAX_NAME = 253;

  private NginxCanary() {}

  /** {@code <ingress>-<release>-canary}, shortened with a hash when longer than 253. */
  public static String name(String ingress, String release) {
    String name = ingress + "-" + release + "-canary";
    if (name.length() <= MAX_NAME) {
      return name;
    }
    String hash = sha256(name).substring(0, 10);
    String head = name.substring(0, MAX_NAME - 18);
    while (head.endsWith("-") || head.endsWith(".")) {
      head = head.substring(0, head.length() - 1);
    }
    return head + "-" + hash + "-canary";
  }

  /**
   * The canary Ingress for {@code split}: the stable Ingress's rules and paths that lead to the
   * stable Service, led to the canary Service (same port) instead; paths to other Services are left
   * out, so only the stable Service's traffic is split.
   *
   * @throws ReleaseStepException {@code StableServiceNotInIngress} when no backend of the stable
   *     Ingress is the stable Service
   */
  public static Ingress build(Ingress stable, TrafficTarget target, TrafficSplit split) {
    String ingress = stable.getMetadata().getName();
    List<IngressRule> rules = new ArrayList<>();
    if (stable.getSpec() != null && stable.getSpec().getRules() != null) {
      for (IngressRule rule : stable.getSpec().getRules()) {
        HTTPIngressRuleValue http = rule.getHttp();
        if (http == null || http.getPaths() == null) {
          continue;
        }
        List<HTTPIngressPath> paths = new ArrayList<>();
        for (HTTPIngressPath path : http.getPaths()) {
          if (isService(path.getBackend(), target.stableService())) {
            paths.add(
                new HTTPIngressPathBuilder(path)
                    .withBackend(toCanary(path.getBackend(), target.canaryService()))
                    .build());
          }
        }
        if (!paths.isEmpty()) {
          rules.add(
              new IngressRuleBuilder()
                  .withHost(rule.getHost())
                  .withNewHttp()
                  .withPaths(paths)
                  .endHttp()
                  .build());
        }
      }
    }
    IngressBackend defaultBackend =
        stable.getSpec() != null
                && isService(stable.getSpec().getDefaultBackend(), target.stableService())
            ? toCanary(stable.getSpec().getDefaultBackend(), target.canaryService())
            : null;
    if (rules.isEmpty() && defaultBackend == null) {
      throw new ReleaseStepException(
          "StableServiceNotInIngress",
          "Ingress "
              + ingress
              + " has no backend that is the stable Service "
              + target.stableService(),
          false);
    }
    Map<String, String> annotations = new LinkedHashMap<>();
    String legacyClass =
        stable.getMetadata().getAnnotations() == null
            ? null
            : stable.getMetadata().getAnnotations().get(LEGACY_CLASS);
    if (legacyClass != null) {
      annotations.put(LEGACY_CLASS, legacyClass);
    }
    annotations.putAll(annotations(split));
    return new IngressBuilder()
        .withNewMetadata()
        .withName(name(ingress, target.release()))
        .withNamespace(target.namespace())
        .addToLabels(ReleaseLabels.RELEASE, target.release())
        .addToLabels(ReleaseLabels.TRACK, ReleaseLabels.CANARY)
        .withAnnotations(annotations)
        .endMetadata()
        .withNewSpec()
        .withIngressClassName(
            stable.getSpec() == null ? null : stable.getSpec().getIngressClassName())
        .withDefaultBackend(defaultBackend)
        .withRules(rules)
        .withTls(
            stable.getSpec() == null || stable.getSpec().getTls() == null
                ? List.of()
                : stable.getSpec().getTls().stream()
                    .map(tls -> new IngressTLSBuilder(tls).build())
                    .toList())
        .endSpec()
        .build();
  }

  /** The canary annotations of {@code split} (weight always; header or cookie when asked). */
  public static Map<String, String> annotations(TrafficSplit split) {
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put(CANARY, "true");
    annotations.put(WEIGHT, Integer.toString(split.canaryWeight()));
    for (RouteMatch match : split.headerRoute()) {
      if (match.header() != null) {
        annotations.put(BY_HEADER, match.header());
        annotations.put(BY_HEADER_VALUE, match.value());
      } else if (match.cookie() != null) {
        annotations.put(BY_COOKIE, match.cookie());
      }
    }
    return annotations;
  }

  /** The traffic a canary Ingress asks for; {@link TrafficSplit#STABLE} without one. */
  public static TrafficSplit observe(@Nullable Ingress canary) {
    if (canary == null || canary.getMetadata().getAnnotations() == null) {
      return TrafficSplit.STABLE;
    }
    Map<String, String> a = canary.getMetadata().getAnnotations();
    if (!"true".equals(a.get(CANARY))) {
      return TrafficSplit.STABLE;
    }
    int weight;
    try {
      weight = Math.clamp(Integer.parseInt(a.getOrDefault(WEIGHT, "0").strip()), 0, 100);
    } catch (NumberFormatException e) {
      weight = 0;
    }
    List<RouteMatch> matches = new ArrayList<>();
    if (a.get(BY_HEADER) != null) {
      matches.add(
          new RouteMatch(a.get(BY_HEADER), null, a.getOrDefault(BY_HEADER_VALUE, "always")));
    }
    if (a.get(BY_COOKIE) != null) {
      matches.add(new RouteMatch(null, a.get(BY_COOKIE), TrafficValidation.NGINX_COOKIE_ALWAYS));
    }
    return new TrafficSplit(weight, matches);
  }

  /** Whether {@code ingress} is the canary Ingress of {@code release} (labelled by Kubeward). */
  public static boolean ownedBy(@Nullable Ingress ingress, String release) {
    return ingress != null
        && ingress.getMetadata().getLabels() != null
        && release.equals(ingress.getMetadata().getLabels().get(ReleaseLabels.RELEASE))
        && ReleaseLabels.CANARY.equals(ingress.getMetadata().getLabels().get(ReleaseLabels.TRACK));
  }

  private static boolean isService(@Nullable IngressBackend backend, String service) {
    return backend != null
        && backend.getService() != null
        && service.equals(backend.getService().getName());
  }

  private static IngressBackend toCanary(IngressBackend backend, String canaryService) {
    return new IngressBackendBuilder(backend)
        .editService()
        .withName(canaryService)
        .endService()
        .build();
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
