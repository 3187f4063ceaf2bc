package io.kubeward.backup.kube.restore;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.kubeward.backup.app.restore.ArchiveLocation;
import io.kubeward.backup.app.restore.RestoreSourceNotFoundException;
import io.kubeward.backup.domain.ArchiveRef;
import io.kubeward.backup.domain.restore.RestoreSource;
import io.kubeward.cluster.kube.KubeErrors;
import java.util.Map;

/**
 * Where the archive of a Restore's source is: a Backup's {@code status.archive} (location, key,
 * sha256; ADR 0041), read with the client of the identity the restore acts as — who may not read
 * the Backup cannot restore it — or the raw key of the source (administrators only).
 */
public final class BackupArchiveLocator {

  /** The Backup CRD as the backup part defines it ({@code backups.kubeward.io}, ADR 0041). */
  public static final ResourceDefinitionContext BACKUPS =
      new ResourceDefinitionContext.Builder()
          .withGroup("kubeward.io")
          .withVersion("v1alpha1")
          .withKind("Backup")
          .withPlural("backups")
          .withNamespaced(true)
          .build();

  private BackupArchiveLocator() {}

  /**
   * @param backupClient a client of the Backup's cluster, with the restoring identity
   */
  public static ArchiveLocation locate(
      KubernetesClient backupClient, String cluster, RestoreSource source) {
    if (source.namesArchiveKey()) {
      return new ArchiveLocation(
          source.location(),
          source.archiveKey(),
          null,
          source.location() + ":" + source.archiveKey());
    }
    String describe = "Backup " + cluster + "/" + source.namespace() + "/" + source.backup();
    GenericKubernetesResource backup;
    try {
      backup =
          backupClient
              .genericKubernetesResources(BACKUPS)
              .inNamespace(source.namespace())
              .withName(source.backup())
              .get();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        backup = null;
      } else {
        throw KubeErrors.translate(cluster, e);
      }
    }
    if (backup == null) {
      throw new RestoreSourceNotFoundException(describe, "there is no such Backup");
    }
    if (!(backup.getAdditionalProperties().get("status") instanceof Map<?, ?> status)
        || !(status.get("archive") instanceof Map<?, ?> archive)
        || !(archive.get("location") instanceof String location)) {
      throw new RestoreSourceNotFoundException(describe, "the Backup has no archive (yet)");
    }
    String key =
        archive.get("key") instanceof String k
            ? k
            : new ArchiveRef(location, cluster, source.namespace(), source.backup())
                .key(ArchiveRef.ARCHIVE);
    String sha = archive.get("sha256") instanceof String s && !s.isBlank() ? s : null;
    return new ArchiveLocation(location, key, sha, describe);
  }
}
