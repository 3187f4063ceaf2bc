package io.kubeward.server.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class BackupPropertiesTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties({BackupControllerProperties.class, BackupScheduleProperties.class})
  static class Config {}

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withUserConfiguration(Config.class);

  @Test
  void defaults() {
    runner.run(
        context -> {
          assertThat(context.getBean(BackupControllerProperties.class).progressInterval())
              .isEqualTo(Duration.ofSeconds(1));
          assertThat(context.getBean(BackupControllerProperties.class).enabled()).isTrue();
          assertThat(context.getBean(BackupScheduleProperties.class).resync())
              .isEqualTo(Duration.ofMinutes(1));
        });
  }

  @Test
  void valuesOutOfBoundsStopTheStartWithTheirName() {
    runner
        .withPropertyValues("kubeward.backups.controller.progress-interval=10ms")
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("kubeward.backups.controller.progress-interval"));
    runner
        .withPropertyValues("kubeward.backups.schedule.resync=2h")
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("kubeward.backups.schedule.resync"));
  }
}
