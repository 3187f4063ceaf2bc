/**
 * etcd snapshots (ADR 0043), the use cases: an administrator configures a cluster's etcd connection
 * ({@link io.kubeward.etcd.app.ManageEtcdConnections}) and saves, lists, verifies, downloads and
 * deletes snapshots kept in a storage location ({@link io.kubeward.etcd.app.ManageEtcdSnapshots}).
 * Every change is audited.
 */
package io.kubeward.etcd.app;
