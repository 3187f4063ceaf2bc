package io.kubeward.audit.domain;

/**
 * An entry as stored: numbered, and chained to the previous record by {@code hash =
 * SHA-256(previousHash + canonical(sequence, entry))}; see {@link AuditChain}.
 */
public record AuditRecord(long sequence, AuditEntry entry, String previousHash, String hash) {}
