package io.kubeward.server.drain;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.drain.domain.DrainOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class DrainPropertiesTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(DrainProperties.class)
  static class Config {}

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withUserConfiguration(Config.class);

  @Test
  void defaultsAreThoseOfTheContract() {
    runner.run(
        context -> {
          DrainOptions defaults = context.getBean(DrainProperties.class).defaults();
          assertThat(defaults.timeout()).isEqualTo(Duration.ofMinutes(30));
          assertThat(defaults.blockedReportAfter()).isEqualTo(Duration.ofMinutes(5));
          assertThat(defaults.force()).isFalse();
          assertThat(defaults.deleteEmptyDirData()).isFalse();
          assertThat(defaults.gracePeriodSeconds()).isNull();
        });
  }

  @Test
  void configuredValuesBecomeTheDefaultsOfADrain() {
    runner
        .withPropertyValues("kubeward.drain.timeout=1h", "kubeward.drain.blocked-report-after=90s")
        .run(
            context -> {
              DrainOptions defaults = context.getBean(DrainProperties.class).defaults();
              assertThat(defaults.timeout()).isEqualTo(Duration.ofHours(1));
              assertThat(defaults.blockedReportAfter()).isEqualTo(Duration.ofSeconds(90));
            });
  }

  @Test
  void invalidValuesStopTheStartWithTheReason() {
    runner
        .withPropertyValues("kubeward.drain.timeout=0s")
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessage("timeout must be positive"));
    runner
        .withPropertyValues("kubeward.drain.backoff-base=10s", "kubeward.drain.backoff-max=5s")
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessage("backoff-max must be at least backoff-base"));
  }
}
