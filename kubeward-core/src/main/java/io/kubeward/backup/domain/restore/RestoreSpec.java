package io.kubeward.backup.domain.restore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code spec} of a Restore (ADR 0042). Resources are named as {@code kubectl} names them
 * ({@code deployments.apps}, {@code configmaps}, {@code widgets.example.com}), or by kind ({@code
 * Deployment}); namespaces are those of the archive (before mapping).
 *
 * @param namespaceMapping archive namespace → target namespace; unmapped namespaces keep their name
 * @param labelSelector kubectl syntax; only matching objects are restored (null: all)
 * @param includedNamespaces empty: all
 * @param includedResources empty: all
 * @param existing what to do with objects that exist already (null: {@link ExistingPolicy#Skip})
 * @param preserveNodePorts keep Services' node ports (null: false, they are allocated anew)
 */
public record RestoreSpec(
    RestoreSource source,
    Map<String, String> namespaceMapping,
    @Nullable String labelSelector,
    List<String> includedNamespaces,
    List<String> excludedNamespaces,
    List<String> includedResources,
    List<String> excludedResources,
    @Nullable ExistingPolicy existing,
    @Nullable Boolean preserveNodePorts) {

  public RestoreSpec {
    namespaceMapping = namespaceMapping == null ? Map.of() : new LinkedHashMap<>(namespaceMapping);
    namespaceMapping = java.util.Collections.unmodifiableMap(namespaceMapping);
    includedNamespaces = includedNamespaces == null ? List.of() : List.copyOf(includedNamespaces);
    excludedNamespaces = excludedNamespaces == null ? List.of() : List.copyOf(excludedNamespaces);
    includedResources = includedResources == null ? List.of() : List.copyOf(includedResources);
    excludedResources = excludedResources == null ? List.of() : List.copyOf(excludedResources);
  }

  /** Everything of a source, existing objects skipped. */
  public static RestoreSpec of(RestoreSource source) {
    return new RestoreSpec(source, Map.of(), null, null, null, null, null, null, null);
  }

  public ExistingPolicy existingPolicy() {
    return existing == null ? ExistingPolicy.Skip : existing;
  }

  public boolean keepsNodePorts() {
    return preserveNodePorts != null && preserveNodePorts;
  }

  /** The target namespace of an archive namespace (null stays null: cluster-scoped). */
  public @Nullable String mapNamespace(@Nullable String namespace) {
    if (namespace == null) {
      return null;
    }
    return namespaceMapping.getOrDefault(namespace, namespace);
  }

  public RestoreSpec withExisting(ExistingPolicy policy) {
    return new RestoreSpec(
        source,
        namespaceMapping,
        labelSelector,
        includedNamespaces,
        excludedNamespaces,
        includedResources,
        excludedResources,
        policy,
        preserveNodePorts);
  }

  public RestoreSpec withNamespaceMapping(Map<String, String> mapping) {
    return new RestoreSpec(
        source,
        mapping,
        labelSelector,
        includedNamespaces,
        excludedNamespaces,
        includedResources,
        excludedResources,
        existing,
        preserveNodePorts);
  }

  public RestoreSpec withLabelSelector(@Nullable String selector) {
    return new RestoreSpec(
        source,
        namespaceMapping,
        selector,
        includedNamespaces,
        excludedNamespaces,
        includedResources,
        excludedResources,
        existing,
        preserveNodePorts);
  }
}
