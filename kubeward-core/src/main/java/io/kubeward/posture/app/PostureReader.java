package io.kubeward.posture.app;

import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.NamespaceVisibility;
import io.kubeward.posture.domain.Inventory;
import java.time.Instant;
import java.util.Collection;

/**
 * Port: a cluster's workloads, Services, namespaces and NetworkPolicies, read live with the
 * caller's identity, in pages, stopping at {@code maxObjects} or {@code deadline}.
 */
public interface PostureReader {

  /**
   * @param visible the namespaces the caller may read
   * @param namespaces the cluster's namespaces (read one by one when {@code visible} is not all)
   */
  Inventory read(
      Caller caller,
      String cluster,
      NamespaceVisibility visible,
      Collection<String> namespaces,
      int pageSize,
      int maxObjects,
      Instant deadline);
}
