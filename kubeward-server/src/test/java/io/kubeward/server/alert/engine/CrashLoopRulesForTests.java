package io.kubeward.server.alert.engine;

import io.kubeward.alert.app.AlertDispatcher;
import io.kubeward.alert.app.AlertRuleSource;
import io.kubeward.alert.domain.AlertSample;
import io.kubeward.alert.domain.AlertScope;
import io.kubeward.alert.domain.AlertSeverity;
import io.kubeward.alert.domain.RuleKey;
import io.kubeward.diagnostics.app.DiagnosticsEngine;
import io.kubeward.diagnostics.domain.Finding;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * For {@code AlertLoopIT} only (added with {@code --spring.main.sources}; no annotation, so the
 * server's component scan never picks it up): one rule standing in for the rules part, {@code
 * pod-crash-looping} over the diagnostics engine's active {@code pod.crash-loop} findings with
 * {@code for: 0}, and a dispatcher that records the wakes.
 */
public class CrashLoopRulesForTests {

  static final List<AlertScope> WAKES = new CopyOnWriteArrayList<>();

  record Rule(RuleKey key, String alertName, AlertSeverity severity, Duration forDuration)
      implements AlertRuleSource.LoadedRule {
    @Override
    public Map<String, String> labels() {
      return Map.of("team", "shop");
    }

    @Override
    public long generation() {
      return 1;
    }
  }

  static final Rule CRASH =
      new Rule(
          RuleKey.of("pod-crash-looping"),
          "pod-crash-looping",
          AlertSeverity.WARNING,
          Duration.ZERO);

  @Bean
  @Primary
  AlertRuleSource crashLoopRuleSource(DiagnosticsEngine diagnostics) {
    return new AlertRuleSource() {
      @Override
      public List<? extends LoadedRule> rules(String cluster) {
        return List.of(CRASH);
      }

      @Override
      public Evaluation evaluate(String cluster, LoadedRule rule, Instant now) {
        if (!diagnostics.evaluated(cluster)) {
          return Evaluation.failed("diagnostics have not evaluated " + cluster + " yet");
        }
        List<AlertSample> samples = new ArrayList<>();
        for (Finding f : diagnostics.active(cluster)) {
          if (f.rule().value().equals("pod.crash-loop")) {
            samples.add(
                new AlertSample(
                    Map.of(
                        "namespace", f.subject().namespace(),
                        "kind", "Pod",
                        "name", f.subject().name(),
                        "pod", f.subject().name()),
                    Map.of(
                        "summary", "Pod " + f.subject().name() + " is crash-looping",
                        "summary.zh-CN", "容器组 " + f.subject().name() + " 反复崩溃"),
                    null));
          }
        }
        return Evaluation.of(samples);
      }
    };
  }

  @Bean
  @Primary
  AlertDispatcher recordingDispatcher() {
    return WAKES::add;
  }
}
