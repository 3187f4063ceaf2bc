package io.kubeward.backup.domain;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a backup takes (the {@code spec} of a Backup, or of a BackupSchedule's template). Resources
 * are named as {@code kubectl} names them: {@code deployments.apps}, {@code configmaps}, {@code
 * widgets.example.com}.
 *
 * @param namespaces the namespaces taken; empty for all
 * @param excludedNamespaces never taken
 * @param resources the resources taken; empty for all
 * @param excludedResources never taken
 * @param labelSelector a label selector in kubectl's syntax, or null for every object
 * @param includeClusterResources cluster-scoped objects (namespaces themselves, PVs, cluster RBAC,
 *     CRDs); null: taken when {@code namespaces} is empty
 * @param includeCustomResources CRDs (when cluster resources are taken) and their custom resources;
 *     null: true
 * @param includeSecrets Secrets, sealed with the archive key (AES-GCM, key id in the manifest);
 *     null: false
 */
public record BackupScope(
    List<String> namespaces,
    List<String> excludedNamespaces,
    List<String> resources,
    List<String> excludedResources,
    @Nullable String labelSelector,
    @Nullable Boolean includeClusterResources,
    @Nullable Boolean includeCustomResources,
    @Nullable Boolean includeSecrets) {

  public BackupScope {
    namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
    excludedNamespaces = excludedNamespaces == null ? List.of() : List.copyOf(excludedNamespaces);
    resources = resources == null ? List.of() : List.copyOf(resources);
    excludedResources = excludedResources == null ? List.of() : List.copyOf(excludedResources);
  }

  public boolean takesClusterResources() {
    return includeClusterResources == null ? namespaces.isEmpty() : includeClusterResources;
  }

  public boolean takesCustomResources() {
    return includeCustomResources == null || includeCustomResources;
  }

  public boolean takesSecrets() {
    return includeSecrets != null && includeSecrets;
  }
}
