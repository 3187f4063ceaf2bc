package io.kubeward.backup.app;

import io.kubeward.backup.domain.BackupLocation;
import java.util.List;

/** The storage locations (ADR 0040), {@link BackupLocation#LOCAL} always among them. */
public interface ArchiveStores {

  /**
   * The store of location {@code name}.
   *
   * @throws io.kubeward.common.KubewardException 404 {@code backup.location-not-found} when there
   *     is no such location
   */
  ArchiveStore store(String name);

  /** Every location, {@link BackupLocation#LOCAL} first. */
  List<BackupLocation> locations();
}
