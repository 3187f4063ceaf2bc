package io.kubeward.server.alert.channels;

import io.kubeward.alert.app.AlertHistory;
import io.kubeward.alert.app.channel.ChannelDelivery;
import io.kubeward.alert.app.channel.ChannelStore;
import io.kubeward.alert.app.channel.ChannelTypes;
import io.kubeward.alert.app.channel.DeliverySettings;
import io.kubeward.alert.app.channel.ManageChannels;
import io.kubeward.alert.delivery.JdkHttpTransport;
import io.kubeward.alert.delivery.SmtpMailTransport;
import io.kubeward.alert.domain.channel.ChannelType;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.history.app.OutboundGuard;
import io.kubeward.server.cluster.CredentialCipher;
import io.kubeward.server.cluster.EncryptedValues;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Alert channels (ADR 0033): the catalogue of types, the encrypted store, the transports, the
 * delivery engine (the {@code NotificationSender} routing calls) with its meters ({@code
 * kubeward.alerting.notifications} by type and result, {@code
 * kubeward.alerting.notification.latency} by type, {@code kubeward.alerting.notifications.queued})
 * and the use cases.
 */
@Configuration(proxyBeanMethods = false)
class ChannelsWiring {

  @Bean
  DeliverySettings alertDeliverySettings(AlertChannelsProperties properties) {
    return properties.settings();
  }

  @Bean
  ChannelTypes channelTypes() {
    return ChannelTypes.builtIn();
  }

  @Bean
  ChannelStore channelStore(JdbcClient jdbc, CredentialCipher cipher) {
    return new JdbcChannelStore(jdbc, cipher);
  }

  /** Stored channel secrets count when deciding whether a missing key file may be created. */
  @Bean
  EncryptedValues alertChannelSecrets(JdbcClient jdbc) {
    return () -> JdbcChannelStore.encryptedValues(jdbc);
  }

  @Bean(destroyMethod = "close")
  JdkHttpTransport alertHttpTransport(DeliverySettings settings) {
    return new JdkHttpTransport(settings);
  }

  @Bean
  SmtpMailTransport alertMailTransport(DeliverySettings settings) {
    return new SmtpMailTransport(settings);
  }

  @Bean(destroyMethod = "close")
  ChannelDelivery channelDelivery(
      ChannelStore store,
      ChannelTypes types,
      OutboundGuard guard,
      JdkHttpTransport http,
      SmtpMailTransport mail,
      AlertHistory history,
      DeliverySettings settings,
      Clock clock,
      MeterRegistry meters) {
    ChannelDelivery delivery =
        new ChannelDelivery(
            store,
            types,
            guard,
            http,
            mail,
            history,
            settings,
            clock,
            ChannelDelivery.Sleeper.SYSTEM,
            (type, result, latency) -> {
              meters
                  .counter("kubeward.alerting.notifications", "type", type, "result", result)
                  .increment();
              if (!result.equals(ChannelDelivery.RATE_LIMITED)) {
                meters
                    .timer("kubeward.alerting.notification.latency", "type", type)
                    .record(latency);
              }
            });
    // every type's meters from the start, so that dashboards and rules see zeros, not gaps
    for (ChannelType type : types.all()) {
      for (String result :
          List.of(
              ChannelDelivery.DELIVERED,
              ChannelDelivery.RETRYING,
              ChannelDelivery.FAILED,
              ChannelDelivery.RATE_LIMITED)) {
        meters.counter("kubeward.alerting.notifications", "type", type.type(), "result", result);
      }
      meters.timer("kubeward.alerting.notification.latency", "type", type.type());
    }
    Gauge.builder("kubeward.alerting.notifications.queued", delivery, ChannelDelivery::queued)
        .description("Notifications waiting or being delivered, all channels together")
        .register(meters);
    return delivery;
  }

  @Bean
  ManageChannels manageChannels(
      ChannelStore store,
      ChannelTypes types,
      OutboundGuard guard,
      ChannelDelivery delivery,
      AuditedAction audited,
      Clock clock) {
    return new ManageChannels(store, types, guard, delivery, audited, clock);
  }
}
