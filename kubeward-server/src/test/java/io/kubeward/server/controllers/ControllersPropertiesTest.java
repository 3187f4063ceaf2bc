package io.kubeward.server.controllers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class ControllersPropertiesTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(ControllersProperties.class)
  static class Config {}

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withUserConfiguration(Config.class);

  @Test
  void defaultsAreUsable() {
    runner.run(
        context -> {
          var settings = context.getBean(ControllersProperties.class).settings();
          assertThat(settings.namespace()).isEqualTo("kubeward-system");
          assertThat(settings.leaseName()).isEqualTo("kubeward-controllers");
          assertThat(settings.election().leaseDuration()).isEqualTo(Duration.ofSeconds(15));
          assertThat(settings.retry().delay(20)).isEqualTo(Duration.ofMinutes(5));
          assertThat(settings.installCrds()).isTrue();
        });
  }

  @Test
  void aRenewDeadlineNotShorterThanTheLeaseStopsTheStart() {
    runner
        .withPropertyValues(
            "kubeward.controllers.lease-duration=5s", "kubeward.controllers.renew-deadline=5s")
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("leaseDuration > renewDeadline"));
  }

  @Test
  void aRequestMayNotWaitLongAndRetriesNeedAMaximumAboveTheBase() {
    runner
        .withPropertyValues("kubeward.controllers.request-wait=30s")
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("request-wait"));
    runner
        .withPropertyValues(
            "kubeward.controllers.retry-base=10s", "kubeward.controllers.retry-max=1s")
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("retry max"));
  }
}
