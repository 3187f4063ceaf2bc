package io.kubeward.tenancy.app;

import java.util.List;

/**
 * A team space as created (or, for a dry run, as it would be): the objects written, as {@code
 * Kind/name}, and the audit record's number ({@code -1} for a dry run).
 */
public record TeamSpaceResult(
    String cluster,
    String namespace,
    String template,
    boolean dryRun,
    List<String> objects,
    long auditId) {}
