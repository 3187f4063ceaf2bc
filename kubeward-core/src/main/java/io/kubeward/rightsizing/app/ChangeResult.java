package io.kubeward.rightsizing.app;

/** A change as stored, with the sequence number of the audit record written for it. */
public record ChangeResult(RightsizingChange change, long auditId) {}
