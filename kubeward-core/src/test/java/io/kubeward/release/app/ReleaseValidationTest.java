package io.kubeward.release.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.diagnostics.domain.Bilingual;
import io.kubeward.release.domain.AnalysisCheck;
import io.kubeward.release.domain.AnalysisProgress;
import io.kubeward.release.domain.AnalysisSubject;
import io.kubeward.release.domain.ReleaseProblem;
import io.kubeward.release.domain.ReleaseSpec;
import io.kubeward.release.domain.RouteMatch;
import io.kubeward.release.domain.RouterPresence;
import io.kubeward.release.domain.TrafficRouting;
import io.kubeward.release.domain.TrafficSplit;
import io.kubeward.release.domain.TrafficTarget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReleaseValidationTest {

  /** A fake of the analysis port: refuses checks named "bad". */
  private static final ReleaseAnalysis ANALYSIS =
      new ReleaseAnalysis() {
        @Override
        public AnalysisProgress advance(
            AnalysisSubject s, List<AnalysisCheck> c, AnalysisProgress p, Instant now) {
          return p;
        }

        @Override
        public List<String> validate(List<AnalysisCheck> checks) {
          return checks.stream()
              .filter(c -> "bad".equals(c.name()))
              .map(c -> "check bad is bad")
              .toList();
        }
      };

  private static TrafficRouter router(String type, boolean headers) {
    return new TrafficRouter() {
      public String type() {
        return type;
      }

      public RouterPresence presence(String cluster) {
        return new RouterPresence(type, true, "");
      }

      public boolean supportsHeaderRoutes() {
        return headers;
      }

      public List<String> validate(TrafficRouting routing) {
        return List.of();
      }

      public void apply(String cluster, TrafficTarget target, TrafficSplit split) {}

      public TrafficSplit observe(String cluster, TrafficTarget target) {
        return TrafficSplit.STABLE;
      }

      public void restore(String cluster, TrafficTarget target) {}
    };
  }

  private final ReleaseValidation validation =
      new ReleaseValidation(
          ANALYSIS, List.of(router("replicaRatio", false), router("gatewayApi", true)));

  private static ReleaseSpec canary(
      TrafficRouting routing, String canaryService, List<ReleaseSpec.CanaryStep> steps) {
    return new ReleaseSpec(
        "web",
        new ReleaseSpec.ReleaseVersion(Map.of("web", "registry.example/web:2"), null),
        null,
        "10m",
        new ReleaseSpec.ReleaseStrategy(
            new ReleaseSpec.CanaryStrategy("web", canaryService, "25%", "0", routing, steps, null),
            null));
  }

  private static List<String> fields(List<ReleaseProblem> problems) {
    return problems.stream().map(ReleaseProblem::field).toList();
  }

  @Test
  void aGoodCanaryIsValid() {
    assertThat(
            validation.validate(
                "v2",
                canary(
                    null,
                    null,
                    List.of(
                        new ReleaseSpec.CanaryStep(20, null, null, null),
                        new ReleaseSpec.CanaryStep(
                            null, new ReleaseSpec.PauseStep("30s"), null, null),
                        new ReleaseSpec.CanaryStep(
                            null, new ReleaseSpec.PauseStep(null), null, null)))))
        .isEmpty();
  }

  @Test
  void everyNumberAndNameIsBounded() {
    List<ReleaseSpec.CanaryStep> steps = new ArrayList<>();
    steps.add(new ReleaseSpec.CanaryStep(101, null, null, null));
    steps.add(new ReleaseSpec.CanaryStep(10, new ReleaseSpec.PauseStep("1s"), null, null));
    steps.add(new ReleaseSpec.CanaryStep(null, new ReleaseSpec.PauseStep("25h"), null, null));
    steps.add(
        new ReleaseSpec.CanaryStep(
            null,
            null,
            new ReleaseSpec.AnalysisStep(
                List.of(new AnalysisCheck("bad", null, null, null, null, null, null, null, null))),
            null));
    steps.add(
        new ReleaseSpec.CanaryStep(
            null,
            null,
            null,
            new ReleaseSpec.HeaderRouteStep(List.of(new RouteMatch("X-Canary", null, "yes")))));
    assertThat(fields(validation.validate("Bad_Name", canary(null, null, steps))))
        .containsExactlyInAnyOrder(
            "metadata.name",
            "spec.strategy.canary.steps[0].setWeight",
            "spec.strategy.canary.steps[1]",
            "spec.strategy.canary.steps[2].pause.duration",
            "spec.strategy.canary.steps[3].analysis.checks",
            "spec.strategy.canary.steps[4].setHeaderRoute");
    assertThat(
            fields(
                validation.validate(
                    "v2",
                    canary(
                        null,
                        null,
                        Collections.nCopies(
                            51, new ReleaseSpec.CanaryStep(10, null, null, null))))))
        .containsExactly("spec.strategy.canary.steps");
  }

  @Test
  void aRouterNeedsACanaryServiceAndTheRouterMustExist() {
    TrafficRouting gateway = new TrafficRouting(null, new TrafficRouting.GatewayApiRouting("web"));
    assertThat(fields(validation.validate("v2", canary(gateway, null, List.of()))))
        .containsExactly("spec.strategy.canary.canaryService");
    assertThat(
            validation.validate(
                "v2",
                canary(
                    gateway,
                    "web-canary",
                    List.of(
                        new ReleaseSpec.CanaryStep(
                            null,
                            null,
                            null,
                            new ReleaseSpec.HeaderRouteStep(
                                List.of(new RouteMatch("X-Canary", null, "yes"))))))))
        .isEmpty();
    TrafficRouting nginx = new TrafficRouting(new TrafficRouting.IngressNginxRouting("web"), null);
    assertThat(fields(validation.validate("v2", canary(nginx, "web-canary", List.of()))))
        .containsExactly("spec.strategy.canary.trafficRouting");
  }

  @Test
  void exactlyOneStrategyAndAVersionAreNeeded() {
    ReleaseSpec none =
        new ReleaseSpec("web", new ReleaseSpec.ReleaseVersion(null, Map.of()), null, null, null);
    assertThat(fields(validation.validate("v2", none)))
        .containsExactly("spec.version", "spec.strategy");
    ReleaseSpec blueGreen =
        new ReleaseSpec(
            "web",
            new ReleaseSpec.ReleaseVersion(Map.of("web", "web:2"), null),
            null,
            null,
            new ReleaseSpec.ReleaseStrategy(
                null, new ReleaseSpec.BlueGreenStrategy("web", "web", null, "-1s", "30s", null)));
    assertThat(fields(validation.validate("v2", blueGreen)))
        .containsExactly(
            "spec.strategy.blueGreen.previewService", "spec.strategy.blueGreen.autoPromotionDelay");
  }

  /** A router and an analysis speaking both languages: the caller's locale picks the text. */
  @Test
  void theRoutersAndTheAnalysisSpeakTheCallersLanguage() {
    ReleaseAnalysis bilingualAnalysis =
        new ReleaseAnalysis() {
          @Override
          public AnalysisProgress advance(
              AnalysisSubject s, List<AnalysisCheck> c, AnalysisProgress p, Instant now) {
            return p;
          }

          @Override
          public List<String> validate(List<AnalysisCheck> checks) {
            return validate(checks, Locale.ENGLISH);
          }

          @Override
          public List<String> validate(List<AnalysisCheck> checks, Locale locale) {
            return checks.stream()
                .filter(c -> "bad".equals(c.name()))
                .map(c -> "zh".equals(locale.getLanguage()) ? "检查 bad 无效" : "check bad is bad")
                .toList();
          }
        };
    TrafficRouter nginx =
        new TrafficRouter() {
          private final TrafficRouter base = router("ingressNginx", true);

          public String type() {
            return "ingressNginx";
          }

          public RouterPresence presence(String cluster) {
            return base.presence(cluster);
          }

          public boolean supportsHeaderRoutes() {
            return true;
          }

          public List<String> validate(TrafficRouting routing) {
            return List.of("the Ingress name is wrong");
          }

          @Override
          public List<Bilingual> validateTexts(TrafficRouting routing) {
            return List.of(Bilingual.of("the Ingress name is wrong", "Ingress 名称有误"));
          }

          @Override
          public List<Bilingual> validateHeaderRoute(List<RouteMatch> match) {
            return match.stream()
                .filter(m -> m.cookie() != null && !"always".equals(m.value()))
                .map(m -> Bilingual.of("cookie value must be always", "cookie 的值必须是 always"))
                .toList();
          }

          public void apply(String cluster, TrafficTarget target, TrafficSplit split) {}

          public TrafficSplit observe(String cluster, TrafficTarget target) {
            return TrafficSplit.STABLE;
          }

          public void restore(String cluster, TrafficTarget target) {}
        };
    ReleaseValidation bilingual = new ReleaseValidation(bilingualAnalysis, List.of(nginx));
    ReleaseSpec spec =
        canary(
            new TrafficRouting(new TrafficRouting.IngressNginxRouting("web"), null),
            "web-canary",
            List.of(
                new ReleaseSpec.CanaryStep(
                    null,
                    null,
                    new ReleaseSpec.AnalysisStep(
                        List.of(
                            new AnalysisCheck(
                                "bad", null, null, null, null, null, null, null, null))),
                    null),
                new ReleaseSpec.CanaryStep(
                    null,
                    null,
                    null,
                    new ReleaseSpec.HeaderRouteStep(
                        List.of(new RouteMatch(null, "canary", "yes"))))));
    assertThat(bilingual.validate("v2", spec, Locale.SIMPLIFIED_CHINESE))
        .containsExactly(
            new ReleaseProblem("spec.strategy.canary.trafficRouting", "Ingress 名称有误"),
            new ReleaseProblem("spec.strategy.canary.steps[0].analysis.checks", "检查 bad 无效"),
            new ReleaseProblem(
                "spec.strategy.canary.steps[1].setHeaderRoute", "cookie 的值必须是 always"));
    assertThat(bilingual.validate("v2", spec))
        .containsExactly(
            new ReleaseProblem("spec.strategy.canary.trafficRouting", "the Ingress name is wrong"),
            new ReleaseProblem("spec.strategy.canary.steps[0].analysis.checks", "check bad is bad"),
            new ReleaseProblem(
                "spec.strategy.canary.steps[1].setHeaderRoute", "cookie value must be always"));
  }

  @Test
  void itsOwnTextsComeInTheCallersLanguageToo() {
    ReleaseSpec spec =
        canary(null, null, List.of(new ReleaseSpec.CanaryStep(101, null, null, null)));
    assertThat(validation.validate("v2", spec, Locale.SIMPLIFIED_CHINESE))
        .containsExactly(
            new ReleaseProblem("spec.strategy.canary.steps[0].setWeight", "必须在 0..100 之间"));
    assertThat(validation.validate("v2", spec, Locale.forLanguageTag("en-US")))
        .containsExactly(
            new ReleaseProblem("spec.strategy.canary.steps[0].setWeight", "must be 0..100"));
    assertThat(validation.validate("v2", null, Locale.SIMPLIFIED_CHINESE))
        .containsExactly(new ReleaseProblem("spec", "必填"));
  }

  @Test
  void aRouterWithoutHeaderRoutesRefusesSetHeaderRouteInBothLanguages() {
    ReleaseSpec spec =
        canary(
            null,
            null,
            List.of(
                new ReleaseSpec.CanaryStep(
                    null,
                    null,
                    null,
                    new ReleaseSpec.HeaderRouteStep(
                        List.of(new RouteMatch("X-Canary", null, "yes"))))));
    assertThat(validation.validate("v2", spec, Locale.forLanguageTag("zh-CN")))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("路由器不能按 header 或 cookie 路由"));
    assertThat(validation.validate("v2", spec))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("cannot route by header or cookie"));
  }
}
