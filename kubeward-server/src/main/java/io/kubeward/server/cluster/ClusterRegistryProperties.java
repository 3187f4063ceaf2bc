package io.kubeward.server.cluster;

import java.util.Base64;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings of the runtime cluster registry ({@code kubeward.security.encryption-key}),
 * validated when bound. The key file, when generated, goes to {@code kubeward.data-dir} (see {@code
 * PersistenceProperties}).
 */
@ConfigurationProperties("kubeward")
public record ClusterRegistryProperties(@DefaultValue Security security) {

  /**
   * @param encryptionKey base64 of 32 random bytes: the AES-256 key that encrypts the credentials
   *     of added clusters at rest; unset: generated into {@code <data-dir>/encryption.key} (0600)
   */
  public record Security(String encryptionKey) {
    public Security {
      if (encryptionKey != null && !encryptionKey.isBlank()) {
        byte[] key;
        try {
          key = Base64.getDecoder().decode(encryptionKey.strip());
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("encryption-key must be base64 (of 32 bytes)");
        }
        if (key.length != 32) {
          throw new IllegalArgumentException(
              "encryption-key must be 32 bytes (base64 of 32 random bytes), but has " + key.length);
        }
      }
    }

    @Override
    public String toString() {
      return "Security[encryptionKey=" + (encryptionKey == null ? "unset" : "***") + "]";
    }
  }
}
