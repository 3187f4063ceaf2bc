package io.kubeward.alert.app.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.alert.domain.RuleKey;
import io.kubeward.alert.domain.rule.AlertRuleSpec;
import io.kubeward.alert.domain.rule.AlertRuleSpec.AlertCondition;
import io.kubeward.alert.domain.rule.AlertRuleSpec.PromqlCondition;
import io.kubeward.alert.domain.rule.AlertRuleValidation;
import io.kubeward.alert.domain.rule.CompiledRule;
import io.kubeward.alert.domain.rule.RuleKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertRuleSetTest {

  static CompiledRule rule(String name, boolean enabled) {
    return AlertRuleValidation.validate(
            RuleKind.ClusterAlertRule,
            null,
            name,
            new AlertRuleSpec(
                enabled,
                "warning",
                "0s",
                new AlertCondition(null, null, null, new PromqlCondition("up == 0"), null),
                Map.of(),
                Map.of()),
            1)
        .rule();
  }

  @Test
  void keepsEnabledRulesAndKnowsWhenEveryObjectWasJudged() {
    AlertRuleSet set = new AlertRuleSet();
    set.accept("c", rule("b", true));
    set.judged("c", RuleKind.ClusterAlertRule, RuleKey.of("b"));
    set.accept("c", rule("a", false));
    set.judged("c", RuleKind.ClusterAlertRule, RuleKey.of("a"));
    assertThat(set.rules("c")).extracting(r -> r.key().value()).containsExactly("b");

    var existing =
        List.of(
            Map.entry(RuleKind.ClusterAlertRule, RuleKey.of("a")),
            Map.entry(RuleKind.ClusterAlertRule, RuleKey.of("b")),
            Map.entry(RuleKind.AlertRule, RuleKey.of("ns/c")));
    assertThat(set.judgedAll("c", existing)).isFalse();
    set.judged("c", RuleKind.AlertRule, RuleKey.of("ns/c"));
    assertThat(set.judgedAll("c", existing)).isTrue();

    set.ready("c", true);
    assertThat(set.ready("c")).isTrue();
    set.clear("c", RuleKind.AlertRule); // the controller stopped here
    assertThat(set.ready("c")).isFalse();
    assertThat(set.judgedAll("c", existing)).isFalse();
    assertThat(set.rules("c")).hasSize(1);
    set.clear("c");
    assertThat(set.rules("c")).isEmpty();
  }
}
