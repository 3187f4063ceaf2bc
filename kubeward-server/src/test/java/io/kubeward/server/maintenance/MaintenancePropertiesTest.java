package io.kubeward.server.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class MaintenancePropertiesTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(MaintenanceProperties.class)
  static class Config {}

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withUserConfiguration(Config.class);

  @Test
  void defaultsAreUsable() {
    runner.run(
        context -> {
          MaintenanceProperties p = context.getBean(MaintenanceProperties.class);
          assertThat(p.namespace()).isEqualTo("kubeward-system");
          assertThat(p.enabled()).isTrue();
          var settings = p.reconcile(io.kubeward.drain.domain.DrainOptions.defaults());
          assertThat(settings.poll()).isEqualTo(Duration.ofSeconds(5));
        });
  }

  @Test
  void aBadNamespaceOrAZeroIntervalStopsTheStart() {
    runner
        .withPropertyValues("kubeward.maintenance.namespace=Kube_System")
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("namespace"));
    runner
        .withPropertyValues("kubeward.maintenance.poll=0s")
        .run(
            context ->
                assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("poll"));
  }
}
