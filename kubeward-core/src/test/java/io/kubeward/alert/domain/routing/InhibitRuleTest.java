package io.kubeward.alert.domain.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.alert.domain.routing.InhibitRule.Candidate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InhibitRuleTest {

  private final InhibitRule nodeDown =
      RoutingPolicy.compile(PolicyDocument.defaults()).inhibitRules().get(0);

  private static Candidate alert(String fp, String... kv) {
    Map<String, String> labels = new java.util.HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      labels.put(kv[i], kv[i + 1]);
    }
    return new Candidate(fp, labels);
  }

  @Test
  void aDownNodeHoldsBackThePodAlertsOnItInItsCluster() {
    Candidate down = alert("n", "alertname", "node-not-ready", "cluster", "a", "node", "n1");
    Candidate pod = alert("p", "alertname", "pod-crash-looping", "cluster", "a", "node", "n1");
    Candidate otherNode =
        alert("q", "alertname", "pod-crash-looping", "cluster", "a", "node", "n2");
    Candidate otherCluster =
        alert("r", "alertname", "pod-crash-looping", "cluster", "b", "node", "n1");
    List<Candidate> firing = List.of(down, pod, otherNode, otherCluster);
    assertThat(nodeDown.inhibits(pod, firing)).isTrue();
    assertThat(nodeDown.inhibits(otherNode, firing)).isFalse();
    assertThat(nodeDown.inhibits(otherCluster, firing)).isFalse();
    assertThat(nodeDown.inhibits(down, firing)).isFalse();
    assertThat(nodeDown.inhibits(pod, List.of(pod))).isFalse();
  }

  @Test
  void alertsMatchingBothSidesDoNotHoldEachOtherBack() {
    InhibitRule rule =
        new InhibitRule(
            List.of(LabelMatcher.parse("severity=\"critical\"")),
            List.of(LabelMatcher.parse("severity=~\"critical|warning\"")),
            List.of("cluster"));
    Candidate a = alert("a", "severity", "critical", "cluster", "x");
    Candidate b = alert("b", "severity", "critical", "cluster", "x");
    Candidate w = alert("w", "severity", "warning", "cluster", "x");
    assertThat(rule.inhibits(a, List.of(a, b))).isFalse();
    assertThat(rule.inhibits(w, List.of(a, w))).isTrue();
  }
}
