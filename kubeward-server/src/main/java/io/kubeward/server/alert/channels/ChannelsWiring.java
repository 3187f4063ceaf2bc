package io.kubeward.server.alert.channels;

import io.kubeward.alert.app.AlertHistory;
import io.kubeward.alert.app.channel.ChannelDelivery;
import io.kubeward.alert.app.channel.ChannelStore;
import io.kubeward.alert.app.channel.ChannelTypes;
import io.kubeward.alert.app.channel.DeliverySettings;
import io.kubeward.alert.app.channel.ManageChannels;
import io.kubeward.alert.delivery.JdkHttpTransport;
import io.kubeward.alert.delivery.SmtpMailTransport;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.history.app.OutboundGuard;
import io.kubeward.server.cluster.CredentialCipher;
import io.kubeward.server.cluster.EncryptedValues;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Alert channels (ADR 0033): the catalogue of types, the encrypted store, the transports, the
 * delivery engine (the {@code NotificationSender} routing calls) and the use cases.
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
      Clock clock) {
    return new ChannelDelivery(
        store, types, guard, http, mail, history, settings, clock, ChannelDelivery.Sleeper.SYSTEM);
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
