package io.kubeward.release.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromqlApprovalTest {

  private static final byte[] KEY = new byte[32];

  static {
    Arrays.fill(KEY, (byte) 7);
  }

  private final PromqlApproval approval = PromqlApproval.withKey(KEY);

  private static AnalysisCheck promql(String name, String query) {
    return new AnalysisCheck(
        name,
        "10s",
        1,
        null,
        null,
        null,
        null,
        new AnalysisCheck.PromqlCheck(query, "< 0.05", null),
        null);
  }

  private static AnalysisCheck signal(String name) {
    return new AnalysisCheck(
        name,
        "10s",
        1,
        null,
        null,
        null,
        null,
        null,
        new AnalysisCheck.SignalCheck("restarts", 0, null));
  }

  private static ReleaseSpec canary(
      List<AnalysisCheck> stepChecks, List<AnalysisCheck> background) {
    return new ReleaseSpec(
        "web",
        new ReleaseSpec.ReleaseVersion(Map.of("web", "web:2"), null),
        null,
        null,
        new ReleaseSpec.ReleaseStrategy(
            new ReleaseSpec.CanaryStrategy(
                "web",
                null,
                null,
                null,
                null,
                List.of(
                    new ReleaseSpec.CanaryStep(20, null, null, null),
                    new ReleaseSpec.CanaryStep(
                        null, null, new ReleaseSpec.AnalysisStep(stepChecks), null)),
                new ReleaseSpec.ReleaseBackgroundAnalysis(0, background)),
            null));
  }

  private static ReleaseSpec blueGreen(List<AnalysisCheck> checks) {
    return new ReleaseSpec(
        "web",
        new ReleaseSpec.ReleaseVersion(Map.of("web", "web:2"), null),
        null,
        null,
        new ReleaseSpec.ReleaseStrategy(
            null,
            new ReleaseSpec.BlueGreenStrategy(
                "web", "web-preview", false, null, null, new ReleaseSpec.AnalysisStep(checks))));
  }

  @Test
  void theQueriesOfEveryAnalysisAreCollectedSortedOnce() {
    ReleaseSpec spec =
        canary(
            List.of(promql("b", "sum(b)"), signal("restarts"), promql("a", "sum(a)")),
            List.of(promql("c", "sum(b)"), promql("d", "sum(c)")));
    assertThat(PromqlApproval.queries(spec)).containsExactly("sum(a)", "sum(b)", "sum(c)");
    assertThat(PromqlApproval.queries(blueGreen(List.of(promql("x", "up"))))).containsExactly("up");
    assertThat(PromqlApproval.needsApproval(canary(List.of(signal("r")), List.of(signal("s")))))
        .isFalse();
    assertThat(PromqlApproval.needsApproval(null)).isFalse();
  }

  @Test
  void aValidStampVerifiesAndSurvivesChangesOtherThanTheQueries() {
    ReleaseSpec spec = canary(List.of(promql("errors", "sum(rate(x[1m]))")), List.of());
    String stamp = approval.stamp("shop", "web-v2", spec);
    assertThat(stamp).startsWith("v1.");
    assertThat(approval.verifies("shop", "web-v2", spec, stamp)).isTrue();
    // the same query in another place, another check name, more signal checks: still approved
    ReleaseSpec moved =
        canary(List.of(signal("restarts")), List.of(promql("e", "sum(rate(x[1m]))")));
    assertThat(approval.verifies("shop", "web-v2", moved, stamp)).isTrue();
  }

  @Test
  void aTamperedQueryBreaksTheStamp() {
    ReleaseSpec spec = canary(List.of(promql("errors", "sum(rate(x[1m]))")), List.of());
    String stamp = approval.stamp("shop", "web-v2", spec);
    ReleaseSpec tampered =
        canary(List.of(promql("errors", "sum(rate(x{namespace=\"other\"}[1m]))")), List.of());
    assertThat(approval.verifies("shop", "web-v2", tampered, stamp)).isFalse();
    ReleaseSpec added =
        canary(List.of(promql("errors", "sum(rate(x[1m]))")), List.of(promql("more", "up")));
    assertThat(approval.verifies("shop", "web-v2", added, stamp)).isFalse();
    String flipped = stamp.substring(0, stamp.length() - 1) + (stamp.endsWith("A") ? "B" : "A");
    assertThat(approval.verifies("shop", "web-v2", spec, flipped)).isFalse();
  }

  @Test
  void aStampOfAnotherReleaseOrNamespaceDoesNotVerify() {
    ReleaseSpec spec = canary(List.of(promql("errors", "up")), List.of());
    String stamp = approval.stamp("shop", "web-v2", spec);
    assertThat(approval.verifies("shop", "web-v3", spec, stamp)).isFalse();
    assertThat(approval.verifies("other", "web-v2", spec, stamp)).isFalse();
    // no ambiguity between where the namespace ends and the name begins
    assertThat(approval.verifies("shop-w", "eb-v2", spec, stamp)).isFalse();
    byte[] otherKey = KEY.clone();
    otherKey[0] = 8;
    assertThat(PromqlApproval.withKey(otherKey).verifies("shop", "web-v2", spec, stamp)).isFalse();
  }

  @Test
  void aMissingOrMalformedStampDoesNotVerify() {
    ReleaseSpec spec = canary(List.of(promql("errors", "up")), List.of());
    assertThat(approval.verifies("shop", "web-v2", spec, null)).isFalse();
    assertThat(approval.verifies("shop", "web-v2", spec, "")).isFalse();
    assertThat(approval.verifies("shop", "web-v2", spec, "v1.")).isFalse();
    assertThat(approval.verifies("shop", "web-v2", spec, "v2.abc")).isFalse();
  }

  @Test
  void theHmacIsHmacSha256AndRefusesShortKeys() {
    // RFC 4231 test case 2 uses a short key; check against the JDK with our 32-byte key instead
    byte[] mac = PromqlApproval.hmac(KEY, "data".getBytes(StandardCharsets.UTF_8));
    assertThat(mac).hasSize(32);
    assertThatThrownBy(() -> PromqlApproval.hmac(new byte[16], new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
