package io.kubeward.server.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class EtcdPropertiesTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(EtcdProperties.class)
  static class Config {}

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withUserConfiguration(Config.class);

  @Test
  void defaultsAreUsable() {
    runner.run(
        context -> {
          EtcdProperties p = context.getBean(EtcdProperties.class);
          assertThat(p.allowedHosts()).isEmpty();
          assertThat(p.defaultRetain()).isEqualTo(10);
          assertThat(p.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
          assertThat(p.schedule()).isNull();
          assertThat(p.rules().maxPemBytes()).isEqualTo(64 * 1024);
        });
  }

  @Test
  void wrongValuesStopTheStartWithTheReason() {
    for (String bad :
        new String[] {
          "kubeward.etcd.schedule=every hour",
          "kubeward.etcd.default-retain=0",
          "kubeward.etcd.max-endpoints=17",
          "kubeward.etcd.connect-timeout=0s",
          "kubeward.etcd.max-pem-size=2MB",
          "kubeward.etcd.max-snapshot-size=100GB"
        }) {
      runner
          .withPropertyValues(bad)
          .run(
              context -> {
                assertThat(context).as(bad).hasFailed();
                assertThat(context.getStartupFailure())
                    .hasStackTraceContaining("Failed to bind properties under 'kubeward.etcd'");
              });
    }
    runner
        .withPropertyValues("kubeward.etcd.schedule=0 0 3 * * *", "kubeward.etcd.allowed-hosts=a,b")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(EtcdProperties.class).rules().hostAllowed("B")).isTrue();
            });
  }
}
