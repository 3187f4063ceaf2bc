package io.kubeward.upgrade.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SkewPolicyTest {

  private static KubeMinor v(String text) {
    return KubeMinor.parse(text);
  }

  @Test
  void parsesReleaseTextsAndRefusesOthers() {
    assertThat(v("v1.34.4")).isEqualTo(new KubeMinor(1, 34));
    assertThat(v("1.35")).isEqualTo(new KubeMinor(1, 35));
    assertThat(v("v1.31.2+k3s1")).isEqualTo(new KubeMinor(1, 31));
    assertThat(v("v1.30.0-eks-abc")).isEqualTo(new KubeMinor(1, 30));
    assertThat(v("latest")).isNull();
    assertThat(v("1")).isNull();
    assertThat(v("")).isNull();
    assertThat(v(null)).isNull();
  }

  @Test
  void theControlPlaneMovesOneMinorAtATime() {
    assertThat(SkewPolicy.path(v("1.34"), v("1.34"))).isEmpty();
    assertThat(SkewPolicy.path(v("1.34"), v("1.35"))).containsExactly(v("1.35"));
    assertThat(SkewPolicy.path(v("1.34"), v("1.37")))
        .containsExactly(v("1.35"), v("1.36"), v("1.37"));
  }

  @Test
  void targetsAreTheCurrentMinorToThreeAhead() {
    assertThat(SkewPolicy.validTarget(v("1.34"), v("1.34"))).isTrue();
    assertThat(SkewPolicy.validTarget(v("1.34"), v("1.37"))).isTrue();
    assertThat(SkewPolicy.validTarget(v("1.34"), v("1.38"))).isFalse();
    assertThat(SkewPolicy.validTarget(v("1.34"), v("1.33"))).isFalse();
    assertThat(SkewPolicy.validTarget(v("1.34"), v("2.0"))).isFalse();
  }

  @Test
  void aKubeletMayBeUpToThreeMinorsOlderNeverNewer() {
    assertThat(SkewPolicy.node(v("1.35"), v("1.35")).status()).isEqualTo(Status.PASS);
    assertThat(SkewPolicy.node(v("1.33"), v("1.35")).status()).isEqualTo(Status.PASS);
    SkewPolicy.NodeSkew atLimit = SkewPolicy.node(v("1.32"), v("1.35"));
    assertThat(atLimit.status()).isEqualTo(Status.WARN);
    assertThat(atLimit.behind()).isEqualTo(3);
    SkewPolicy.NodeSkew old = SkewPolicy.node(v("1.31"), v("1.35"));
    assertThat(old.status()).isEqualTo(Status.FAIL);
    assertThat(old.reason()).isEqualTo("too-old");
    SkewPolicy.NodeSkew newer = SkewPolicy.node(v("1.36"), v("1.35"));
    assertThat(newer.status()).isEqualTo(Status.FAIL);
    assertThat(newer.reason()).isEqualTo("newer-than-apiserver");
  }
}
