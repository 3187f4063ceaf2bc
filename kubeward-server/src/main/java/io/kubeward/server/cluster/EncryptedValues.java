package io.kubeward.server.cluster;

/**
 * Values other features store encrypted with the cluster credentials' key (e.g. Prometheus
 * secrets): counted before a missing key file is created, so that a lost key file is an error
 * rather than a new key that cannot decrypt them (ADR 0009).
 */
@FunctionalInterface
public interface EncryptedValues {
  int count();
}
