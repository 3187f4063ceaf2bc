package io.kubeward.rbac.app;

import io.kubeward.access.app.Caller;
import io.kubeward.rbac.domain.RbacSnapshot;

/**
 * Port: a cluster's RBAC objects, read live with the caller's identity (Kubernetes decides whether
 * the caller may list roles and bindings; a refusal is the usual permission problem).
 */
public interface RbacReader {

  RbacSnapshot read(Caller caller, String cluster);
}
