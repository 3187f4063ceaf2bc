package io.kubeward.backup.domain.restore;

/** A problem of a Restore's spec: the field (a JSON path) and what is wrong, for a person. */
public record RestoreProblem(String field, String message) {}
