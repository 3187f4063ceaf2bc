package io.kubeward.etcd.domain;

import java.time.Instant;

/** What the API shows of a stored certificate: never the PEM, only what identifies it. */
public record CertificateInfo(
    String subject, String issuer, String sha256Fingerprint, Instant notBefore, Instant notAfter) {}
