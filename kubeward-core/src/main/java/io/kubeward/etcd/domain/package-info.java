/**
 * etcd snapshots (ADR 0043): the connection to a cluster's etcd and its validation, snapshot
 * metadata, digests (SHA-256 and etcd's own trailing hash) and retention. Pure: no client, no
 * framework.
 */
package io.kubeward.etcd.domain;
