package io.kubeward.backup.app;

import io.kubeward.backup.domain.archive.SecretSealer;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The archive encryption keys from configuration ({@code kubeward.backups.encryption.*}, ADR 0040):
 * a {@link SecretSealer} when at least one key is configured, else none (a backup that takes
 * Secrets then fails with {@code backup.encryption-key-missing}; nothing is written in plaintext).
 */
public record ArchiveKeys(@Nullable SecretSealer sealer) {

  public static ArchiveKeys none() {
    return new ArchiveKeys(null);
  }

  public Optional<SecretSealer> optional() {
    return Optional.ofNullable(sealer);
  }

  public boolean configured() {
    return sealer != null;
  }
}
