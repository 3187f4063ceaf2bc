package io.kubeward.hpa.app;

import io.kubeward.hpa.domain.HpaSpec;
import io.kubeward.hpa.domain.HpaWarning;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The answer to a create or edit: the HPA as the apiserver accepted it (for a dry run: would
 * accept), the change as a diff of the spec, the warnings, and the audit record's number ({@code
 * -1} for a dry run, which is not audited).
 */
public record HpaResult(
    HpaSpec hpa, boolean dryRun, @Nullable String diff, List<HpaWarning> warnings, long auditId) {}
