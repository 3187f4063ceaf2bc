package io.kubeward.helm.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HelmFailuresTest {

  private static final HelmCommand INSTALL =
      HelmCommand.install(
          "shop", "web", new ChartSource.Repository("http://h/", "demo", null), null, 60);

  @Test
  void theApiserversRefusalIsForbiddenWithHelmsReason() {
    HelmException e =
        HelmFailures.translate(
            INSTALL,
            "level=WARN msg=\"something\"\nError: INSTALLATION FAILED: secrets is forbidden: User"
                + " \"kubeward:bob\" cannot list resource \"secrets\" in API group \"\" in the"
                + " namespace \"shop\"\n",
            60);
    assertThat(e.code()).isEqualTo(HelmException.FORBIDDEN);
    assertThat(e.properties().get("reason").toString())
        .startsWith("INSTALLATION FAILED: secrets is forbidden")
        .contains("kubeward:bob");
  }

  @Test
  void aNameInUseIsAConflict() {
    assertThat(
            HelmFailures.translate(
                    INSTALL,
                    "Error: INSTALLATION FAILED: cannot re-use a name that is still in use",
                    60)
                .code())
        .isEqualTo(HelmException.EXISTS);
    // helm v4's wording
    assertThat(
            HelmFailures.translate(
                    INSTALL,
                    "Error: INSTALLATION FAILED: release name check failed: cannot reuse a name"
                        + " that is still in use",
                    60)
                .code())
        .isEqualTo(HelmException.EXISTS);
  }

  @Test
  void aMissingChartOrReleaseIsNotFound() {
    assertThat(
            HelmFailures.translate(
                    INSTALL,
                    "Error: INSTALLATION FAILED: chart \"nope\" not found in http://h/ repository",
                    60)
                .code())
        .isEqualTo(HelmException.CHART_NOT_FOUND);
    assertThat(
            HelmFailures.translate(
                    HelmCommand.uninstall("shop", "web", 60),
                    "Error: uninstall: Release not loaded: web: release: not found",
                    60)
                .code())
        .isEqualTo(HelmException.NOT_FOUND);
  }

  @Test
  void aTimeoutAndAnythingElse() {
    assertThat(
            HelmFailures.translate(
                    INSTALL, "Error: INSTALLATION FAILED: context deadline exceeded", 60)
                .code())
        .isEqualTo(HelmException.TIMED_OUT);
    HelmException other =
        HelmFailures.translate(INSTALL, "Error: INSTALLATION FAILED: some template error", 60);
    assertThat(other.code()).isEqualTo(HelmException.FAILED);
    assertThat(other.properties().get("reason"))
        .isEqualTo("INSTALLATION FAILED: some template error");
    assertThat(HelmFailures.translate(INSTALL, "", 60).properties().get("reason"))
        .isEqualTo("helm wrote no error message");
    assertThat(HelmFailures.reason("Error: " + "x".repeat(5000)))
        .hasSize(HelmFailures.MAX_REASON + 1);
  }
}
