package io.kubeward.backup.domain;

/** An object a backup or a restore could not handle, and why (a sentence for a person). */
public record ObjectFailure(ObjectRef object, String reason) {}
