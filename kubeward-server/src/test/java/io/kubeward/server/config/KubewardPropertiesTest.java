package io.kubeward.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class KubewardPropertiesTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(KubewardProperties.class)
  static class Config {}

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withUserConfiguration(Config.class);

  @Test
  void defaultsAreUsable() {
    runner.run(
        context -> {
          KubewardProperties properties = context.getBean(KubewardProperties.class);
          assertThat(properties.probe().interval()).isEqualTo(Duration.ofSeconds(10));
          assertThat(properties.probe().timeout()).isEqualTo(Duration.ofSeconds(5));
          assertThat(properties.client().maxConcurrentRequests()).isEqualTo(256);
          assertThat(properties.security().adminPassword()).isNull();
          assertThat(properties.kubeconfigPath()).isNull();
          assertThat(properties.access().checkInterval()).isEqualTo(Duration.ofMinutes(1));
        });
  }

  @Test
  void theAccessCheckIntervalIsBounded() {
    runner
        .withPropertyValues("kubeward.access.check-interval=5s")
        .run(
            context ->
                assertThat(context.getBean(KubewardProperties.class).access().checkInterval())
                    .isEqualTo(Duration.ofSeconds(5)));
    for (String bad : new String[] {"500ms", "2h", "0s"}) {
      runner
          .withPropertyValues("kubeward.access.check-interval=" + bad)
          .run(
              context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageStartingWith("check-interval must be from 1s to 1h");
                assertThat(context.getStartupFailure())
                    .hasStackTraceContaining("Failed to bind properties under 'kubeward.access'");
              });
    }
  }

  @Test
  void tooShortProbeIntervalStopsTheStartWithTheReason() {
    runner
        .withPropertyValues("kubeward.probe.interval=500ms", "kubeward.probe.timeout=100ms")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .rootCause()
                  .hasMessage("probe interval must be between 1s and 1h, but was 0.5s");
              assertThat(context.getStartupFailure())
                  .hasStackTraceContaining("Failed to bind properties under 'kubeward.probe'");
            });
  }

  @Test
  void timeoutLongerThanIntervalIsRejected() {
    runner
        .withPropertyValues("kubeward.probe.interval=2s", "kubeward.probe.timeout=3s")
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("at most the interval (2s), but was 3s"));
  }

  @Test
  void shortAdminPasswordIsRejectedWithoutEchoingIt() {
    runner
        .withPropertyValues("kubeward.security.admin-password=secret")
        .run(
            context -> {
              assertThat(context.getStartupFailure())
                  .rootCause()
                  .hasMessage("admin-password must have at least 12 characters");
              assertThat(context.getStartupFailure().toString()).doesNotContain("=secret");
            });
  }

  @Test
  void kubeconfigTildeIsExpanded() {
    runner
        .withPropertyValues("kubeward.kubeconfig=~/.kube/other", "kubeward.context=dev")
        .run(
            context ->
                assertThat(context.getBean(KubewardProperties.class).kubeconfigPath())
                    .isEqualTo(Path.of(System.getProperty("user.home"), ".kube", "other")));
  }
}
