package io.kubeward.release.app;

import io.kubeward.access.app.Caller;

/**
 * Port: whether a caller may query a cluster's Prometheus with PromQL of their own (ADR 0021: the
 * PromQL explorer's rule). The server wires it to the explorer's one check; the REST create or
 * replace of a Release with {@code promql} checks requires it (ADR 0035).
 */
@FunctionalInterface
public interface PromqlPermission {

  boolean allowed(Caller caller, String cluster);
}
