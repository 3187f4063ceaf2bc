package io.kubeward.netpol.app;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.kubeward.access.app.Caller;
import java.util.List;

/** Reads a namespace's NetworkPolicies live, as the caller (they are not in the shared cache). */
public interface NetworkPolicyReader {

  List<NetworkPolicy> list(Caller caller, String cluster, String namespace);
}
