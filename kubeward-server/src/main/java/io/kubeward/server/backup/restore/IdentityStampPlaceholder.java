package io.kubeward.server.backup.restore;

import io.kubeward.access.domain.IdentityStamp;
import io.kubeward.server.cluster.CredentialCipher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * PLACEHOLDER until the backup part's {@code BackupWiring} (which defines the one {@link
 * IdentityStamp} bean) is merged: the lead deletes this class at merge (coordination of issue 16).
 */
@Configuration(proxyBeanMethods = false)
class IdentityStampPlaceholder {

  @Bean
  IdentityStamp identityStamp(CredentialCipher cipher) {
    return new IdentityStamp(() -> cipher.derivedKey("acting-as"));
  }
}
