package io.kubeward.release.app;

import io.kubeward.common.Names;
import io.kubeward.diagnostics.domain.Bilingual;
import io.kubeward.maintenance.domain.GoDuration;
import io.kubeward.release.domain.AnalysisCheck;
import io.kubeward.release.domain.ReleaseProblem;
import io.kubeward.release.domain.ReleaseSpec;
import io.kubeward.release.domain.ReleaseSpec.CanaryStep;
import io.kubeward.release.domain.ReleaseSpec.CanaryStrategy;
import io.kubeward.release.domain.RouteMatch;
import io.kubeward.release.domain.TrafficRouting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one validator of Releases (ADR 0035): the REST API before it writes and the controller on
 * every pass use it, so {@code kubectl apply} and the console get the same verdict. It bounds every
 * number and name, asks the analysis part about the checks ({@link ReleaseAnalysis#validate}) and
 * the chosen router about its routing ({@link TrafficRouter#validateTexts}) and each header route
 * ({@link TrafficRouter#validateHeaderRoute}); every text comes in the caller's language (English
 * or 简体中文).
 */
public final class ReleaseValidation {

  public static final int MAX_STEPS = 50;
  public static final int MAX_IMAGES = 64;
  public static final int MAX_IMAGE = 512;
  public static final int MAX_CHECKS = 20;
  public static final int MAX_MATCHES = 10;
  public static final int MAX_MATCH_VALUE = 256;
  public static final Duration DEFAULT_PROGRESS_DEADLINE = Duration.ofMinutes(10);
  public static final Duration MAX_DURATION = Duration.ofHours(24);

  private static final Pattern IMAGE = Pattern.compile("[^\\s]+");
  private static final Pattern HEADER = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,128}");
  private static final Pattern INT_OR_PERCENT = Pattern.compile("(\\d{1,5})(%?)");

  private final ReleaseAnalysis analysis;
  private final Map<String, TrafficRouter> routers;

  public ReleaseValidation(ReleaseAnalysis analysis, List<TrafficRouter> routers) {
    this.analysis = analysis;
    Map<String, TrafficRouter> byType = new java.util.LinkedHashMap<>();
    routers.forEach(r -> byType.putIfAbsent(r.type(), r));
    this.routers = Map.copyOf(byType);
  }

  /** The router of a type, if Kubeward has one. */
  public Optional<TrafficRouter> router(String type) {
    return Optional.ofNullable(routers.get(type));
  }

  /** Problems in English (the controller's conditions and Events). */
  public List<ReleaseProblem> validate(String name, @Nullable ReleaseSpec spec) {
    return validate(name, spec, Locale.ENGLISH);
  }

  /** Problems, their texts in the locale's language (简体中文 for any {@code zh*}, else English). */
  public List<ReleaseProblem> validate(
      String name, @Nullable ReleaseSpec spec, @Nullable Locale locale) {
    Found problems = new Found(locale == null ? Locale.ENGLISH : locale);
    if (name == null || !Names.isNamespace(name)) {
      problems.add(
          "metadata.name",
          "must be a DNS label (a-z, 0-9, '-', ≤ 63)",
          "必须是 DNS 标签（a-z、0-9、'-'，≤ 63）");
    }
    if (spec == null) {
      problems.add("spec", "is required", "必填");
      return problems.list;
    }
    if (spec.deployment() == null || !Names.isObjectName(spec.deployment())) {
      problems.add("spec.deployment", "must name a Deployment", "必须指定一个 Deployment");
    } else if (name != null && spec.deployment().length() + 1 + name.length() > Names.MAX_LABEL) {
      problems.add(
          "spec.deployment",
          "with the Release's name makes a name longer than 63 (<deployment>-<release>)",
          "与发布名称组成的名称（<deployment>-<release>）超过 63 个字符");
    }
    version(spec.version(), problems);
    duration(problems, "spec.progressDeadline", spec.progressDeadline(), Duration.ofSeconds(10));
    if (spec.strategy() == null
        || (spec.strategy().canary() == null) == (spec.strategy().blueGreen() == null)) {
      problems.add(
          "spec.strategy",
          "needs exactly one of canary, blueGreen",
          "canary 与 blueGreen 必须且只能指定一个");
      return problems.list;
    }
    if (spec.strategy().canary() != null) {
      canary(spec.strategy().canary(), problems);
    } else {
      blueGreen(spec.strategy().blueGreen(), problems);
    }
    return problems.list;
  }

  /** The problems found so far, their texts in the caller's language. */
  private static final class Found {
    final List<ReleaseProblem> list = new ArrayList<>();
    final Locale locale;

    Found(Locale locale) {
      this.locale = locale;
    }

    void add(String field, String en, String zh) {
      list.add(new ReleaseProblem(field, Bilingual.of(en, zh).in(locale)));
    }

    void add(String field, Bilingual text) {
      list.add(new ReleaseProblem(field, text.in(locale)));
    }

    /** A text already in the caller's language (the analysis part's). */
    void add(String field, String text) {
      list.add(new ReleaseProblem(field, text));
    }
  }

  private static void version(ReleaseSpec.@Nullable ReleaseVersion v, Found problems) {
    String field = "spec.version";
    if (v == null
        || ((v.images() == null || v.images().isEmpty())
            && (v.podTemplatePatch() == null || v.podTemplatePatch().isEmpty()))) {
      problems.add(field, "needs images and/or podTemplatePatch", "需要 images 和/或 podTemplatePatch");
      return;
    }
    if (v.images() != null) {
      if (v.images().size() > MAX_IMAGES) {
        problems.add(field + ".images", "at most " + MAX_IMAGES, "最多 " + MAX_IMAGES + " 个");
      }
      v.images()
          .forEach(
              (container, image) -> {
                if (!Names.isNamespace(container)) {
                  problems.add(
                      field + ".images." + container,
                      "container names are DNS labels",
                      "容器名称必须是 DNS 标签");
                }
                if (image == null
                    || image.length() > MAX_IMAGE
                    || !IMAGE.matcher(image).matches()) {
                  problems.add(
                      field + ".images." + container,
                      "must be an image reference without spaces, ≤ " + MAX_IMAGE,
                      "必须是不含空格的镜像引用，≤ " + MAX_IMAGE);
                }
              });
    }
  }

  private void canary(CanaryStrategy c, Found problems) {
    String field = "spec.strategy.canary";
    service(problems, field + ".stableService", c.stableService(), true);
    TrafficRouting routing = c.routing();
    String type = routing.type();
    boolean ratio = "replicaRatio".equals(type);
    service(problems, field + ".canaryService", c.canaryService(), !ratio);
    if (c.canaryService() != null && c.canaryService().equals(c.stableService())) {
      problems.add(
          field + ".canaryService", "must differ from stableService", "必须与 stableService 不同");
    }
    if (routing.ingressNginx() != null && routing.gatewayApi() != null) {
      problems.add(field + ".trafficRouting", "at most one router", "最多一个路由器");
    }
    TrafficRouter router = routers.get(type);
    if (router == null) {
      problems.add(
          field + ".trafficRouting", "Kubeward has no router " + type, "Kubeward 没有路由器 " + type);
    } else {
      router.validateTexts(routing).forEach(p -> problems.add(field + ".trafficRouting", p));
    }
    surge(problems, field + ".maxSurge", c.maxSurge());
    surge(problems, field + ".maxUnavailable", c.maxUnavailable());
    List<CanaryStep> steps = c.stepsOrEmpty();
    if (steps.size() > MAX_STEPS) {
      problems.add(field + ".steps", "at most " + MAX_STEPS + " steps", "最多 " + MAX_STEPS + " 个步骤");
      return;
    }
    for (int i = 0; i < steps.size(); i++) {
      step(steps.get(i), field + ".steps[" + i + "]", router, problems);
    }
    if (c.analysis() != null) {
      Integer start = c.analysis().startingStep();
      if (start != null && (start < 0 || start > steps.size())) {
        problems.add(
            field + ".analysis.startingStep",
            "must be 0.." + steps.size() + ": " + start,
            "必须在 0.." + steps.size() + " 之间：" + start);
      }
      checks(problems, field + ".analysis.checks", c.analysis().checks());
    }
  }

  private void step(CanaryStep step, String field, @Nullable TrafficRouter router, Found problems) {
    int set =
        (step.setWeight() == null ? 0 : 1)
            + (step.pause() == null ? 0 : 1)
            + (step.analysis() == null ? 0 : 1)
            + (step.setHeaderRoute() == null ? 0 : 1);
    if (set != 1) {
      problems.add(
          field,
          "needs exactly one of setWeight, pause, analysis, setHeaderRoute",
          "setWeight、pause、analysis、setHeaderRoute 必须且只能指定一个");
      return;
    }
    if (step.setWeight() != null && (step.setWeight() < 0 || step.setWeight() > 100)) {
      problems.add(field + ".setWeight", "must be 0..100", "必须在 0..100 之间");
    }
    if (step.pause() != null) {
      duration(problems, field + ".pause.duration", step.pause().duration(), Duration.ZERO);
    }
    if (step.analysis() != null) {
      checks(problems, field + ".analysis.checks", step.analysis().checks());
    }
    if (step.setHeaderRoute() != null) {
      List<RouteMatch> match = step.setHeaderRoute().match();
      if (match == null || match.isEmpty() || match.size() > MAX_MATCHES) {
        problems.add(
            field + ".setHeaderRoute.match",
            "1.." + MAX_MATCHES + " matches",
            "需要 1.." + MAX_MATCHES + " 个匹配");
      } else {
        if (router != null) {
          router
              .validateHeaderRoute(match)
              .forEach(p -> problems.add(field + ".setHeaderRoute", p));
        }
        for (int i = 0; i < match.size(); i++) {
          RouteMatch m = match.get(i);
          String f = field + ".setHeaderRoute.match[" + i + "]";
          if ((m.header() == null) == (m.cookie() == null)) {
            problems.add(f, "needs exactly one of header, cookie", "header 与 cookie 必须且只能指定一个");
          } else if (!HEADER.matcher(m.header() != null ? m.header() : m.cookie()).matches()) {
            problems.add(
                f, "the header or cookie name is not a token", "header 或 cookie 名称不是合法的 token");
          }
          if (m.value() == null || m.value().isEmpty() || m.value().length() > MAX_MATCH_VALUE) {
            problems.add(
                f + ".value",
                "1.." + MAX_MATCH_VALUE + " characters",
                "需要 1.." + MAX_MATCH_VALUE + " 个字符");
          }
        }
      }
    }
  }

  private void blueGreen(ReleaseSpec.BlueGreenStrategy b, Found problems) {
    String field = "spec.strategy.blueGreen";
    service(problems, field + ".activeService", b.activeService(), true);
    service(problems, field + ".previewService", b.previewService(), true);
    if (b.activeService() != null && b.activeService().equals(b.previewService())) {
      problems.add(
          field + ".previewService", "must differ from activeService", "必须与 activeService 不同");
    }
    duration(problems, field + ".autoPromotionDelay", b.autoPromotionDelay(), Duration.ZERO);
    duration(problems, field + ".scaleDownDelay", b.scaleDownDelay(), Duration.ZERO);
    if (b.prePromotionAnalysis() != null) {
      checks(problems, field + ".prePromotionAnalysis.checks", b.prePromotionAnalysis().checks());
    }
  }

  private void checks(Found problems, String field, @Nullable List<AnalysisCheck> checks) {
    if (checks == null || checks.isEmpty() || checks.size() > MAX_CHECKS) {
      problems.add(field, "1.." + MAX_CHECKS + " checks", "需要 1.." + MAX_CHECKS + " 个检查");
      return;
    }
    analysis.validate(checks, problems.locale).forEach(p -> problems.add(field, p));
  }

  private static void service(
      Found problems, String field, @Nullable String name, boolean required) {
    if (name == null) {
      if (required) {
        problems.add(field, "is required", "必填");
      }
    } else if (!Names.isNamespace(name)) {
      problems.add(field, "must name a Service (a DNS label)", "必须指定一个 Service（DNS 标签）");
    }
  }

  private static void surge(Found problems, String field, @Nullable String value) {
    if (value == null) {
      return;
    }
    var m = INT_OR_PERCENT.matcher(value.trim());
    if (!m.matches()
        || (m.group(2).isEmpty() && Integer.parseInt(m.group(1)) > 10_000)
        || (!m.group(2).isEmpty() && Integer.parseInt(m.group(1)) > 100)) {
      problems.add(field, "must be 0..10000 or 0%..100%", "必须是 0..10000 或 0%..100%");
    }
  }

  private static void duration(
      Found problems, String field, @Nullable String text, Duration minimum) {
    if (text == null) {
      return;
    }
    try {
      GoDuration.parseBounded(field, text, minimum, MAX_DURATION);
    } catch (RuntimeException e) {
      problems.add(
          field,
          "must be a duration between "
              + GoDuration.format(minimum)
              + " and "
              + GoDuration.format(MAX_DURATION),
          "必须是 " + GoDuration.format(minimum) + " 到 " + GoDuration.format(MAX_DURATION) + " 之间的时长");
    }
  }

  /** A valid duration field's value, or the default. */
  public static Duration durationOr(@Nullable String text, Duration fallback) {
    return GoDuration.parseOr(text, fallback);
  }
}
