package io.kubeward.helm.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HelmCommandTest {

  private static final ChartSource REPO =
      new ChartSource.Repository("http://127.0.0.1:8080/charts/", "demo", "0.1.0");

  @Test
  void installFromARepositoryPassesEveryValueAsAFlagWithItsValue() {
    HelmCommand install = HelmCommand.install("shop", "web", REPO, "a: 1\n", 300);
    assertThat(install.arguments("/run/values.yaml", "/run/chart.tgz"))
        .containsExactly(
            "install",
            "web",
            "demo",
            "--repo=http://127.0.0.1:8080/charts/",
            "--version=0.1.0",
            "--values=/run/values.yaml",
            "--output=json",
            "--namespace=shop",
            "--timeout=300s");
  }

  @Test
  void installWithoutValuesPassesNoValuesFile() {
    HelmCommand install = HelmCommand.install("shop", "web", REPO, null, 60);
    assertThat(install.arguments("/v", "/c")).noneMatch(a -> a.startsWith("--values"));
  }

  @Test
  void upgradeResetsValuesToTheGivenOnesAndADryRunAsksTheServer() {
    ChartSource oci = new ChartSource.Oci("oci://127.0.0.1:5000/charts/demo", "0.2.0");
    HelmCommand upgrade = HelmCommand.upgrade("shop", "web", oci, "a: 2\n", true, 120);
    assertThat(upgrade.arguments("/v", "/c"))
        .containsExactly(
            "upgrade",
            "web",
            "oci://127.0.0.1:5000/charts/demo",
            "--version=0.2.0",
            "--values=/v",
            "--reset-values",
            "--dry-run=server",
            "--output=json",
            "--namespace=shop",
            "--timeout=120s");
  }

  @Test
  void anUploadedChartIsTheFileTheRunnerWrote() {
    ChartSource upload =
        new ChartSource.Uploaded("demo-0.1.0.tgz", new byte[] {0x1f, (byte) 0x8b, 8});
    assertThat(HelmCommand.install("shop", "web", upload, null, 60).arguments("/v", "/run/c.tgz"))
        .startsWith("install", "web", "/run/c.tgz");
    assertThat(upload.describe()).isEqualTo("uploaded demo-0.1.0.tgz (3 bytes)");
  }

  @Test
  void rollbackAndUninstall() {
    assertThat(HelmCommand.rollback("shop", "web", 3, 60).arguments("/v", "/c"))
        .containsExactly("rollback", "web", "3", "--namespace=shop", "--timeout=60s");
    assertThat(HelmCommand.uninstall("shop", "web", 60).arguments("/v", "/c"))
        .containsExactly("uninstall", "web", "--namespace=shop", "--timeout=60s");
    assertThat(HelmCommand.rollback("shop", "web", 3, 60).describe())
        .isEqualTo("rollback web to revision 3");
  }

  @Test
  void namesThatHelmWouldReadAsFlagsOrThatHelmRefusesAreRefusedFirst() {
    assertThatThrownBy(() -> HelmCommand.install("shop", "--debug", REPO, null, 60))
        .hasMessageContaining("release name");
    assertThatThrownBy(() -> HelmCommand.install("shop", "Web", REPO, null, 60))
        .isInstanceOf(HelmException.class);
    assertThatThrownBy(() -> HelmCommand.install("shop", "a".repeat(54), REPO, null, 60))
        .isInstanceOf(HelmException.class);
    assertThat(HelmCommand.install("shop", "a".repeat(53), REPO, null, 60).release()).hasSize(53);
    assertThatThrownBy(() -> HelmCommand.install("Shop!", "web", REPO, null, 60))
        .hasMessageContaining("namespace");
    assertThatThrownBy(() -> new ChartSource.Repository("http://h/", "--post-renderer=x", null))
        .isInstanceOf(HelmException.class);
    assertThatThrownBy(() -> new ChartSource.Repository("http://h/", "../etc/passwd", null))
        .isInstanceOf(HelmException.class);
    assertThatThrownBy(() -> new ChartSource.Repository("file:///etc/", "demo", null))
        .hasMessageContaining("http or https");
    assertThatThrownBy(() -> new ChartSource.Repository("https://u:p@h/", "demo", null))
        .hasMessageContaining("credentials");
    assertThatThrownBy(() -> new ChartSource.Repository("http://h/", "demo", "1.0 --debug"))
        .isInstanceOf(HelmException.class);
    assertThatThrownBy(() -> new ChartSource.Repository("http://h/", "demo", "-1.0"))
        .isInstanceOf(HelmException.class);
    assertThatThrownBy(() -> new ChartSource.Repository("http://h/", "demo", "1.0;rm -rf"))
        .isInstanceOf(HelmException.class);
    assertThatThrownBy(() -> new ChartSource.Oci("oci://h/../x", null))
        .isInstanceOf(HelmException.class);
    assertThatThrownBy(() -> new ChartSource.Oci("https://h/x", null))
        .isInstanceOf(HelmException.class);
    assertThatThrownBy(() -> new ChartSource.Uploaded("x.tgz", "not gzip".getBytes()))
        .hasMessageContaining(".tgz");
    assertThatThrownBy(() -> HelmCommand.rollback("shop", "web", 0, 60))
        .hasMessageContaining("revision");
    assertThatThrownBy(() -> HelmLimits.valuesSize("a".repeat(HelmLimits.MAX_VALUES_BYTES + 1)))
        .isInstanceOf(HelmException.class)
        .extracting(e -> ((HelmException) e).code())
        .isEqualTo(HelmException.TOO_LARGE);
  }

  @Test
  void versionConstraintsAreAcceptedAsOneFlagValue() {
    assertThat(new ChartSource.Repository("https://h/", "demo", "^1.2.0").arguments("/c"))
        .contains("--version=^1.2.0");
    assertThat(new ChartSource.Repository("https://h/", "demo", ">= 1.2, < 2").version())
        .isEqualTo(">= 1.2, < 2");
    assertThat(new ChartSource.Repository("https://h/", "demo", " ").version()).isNull();
  }
}
