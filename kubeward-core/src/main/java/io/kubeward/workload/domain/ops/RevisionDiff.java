package io.kubeward.workload.domain.ops;

/**
 * Two revisions' pod templates (hash labels stripped) side by side, and their unified diff.
 *
 * @param from the older side's revision number, {@code 0} for the workload's live template
 * @param fromText the {@code from} template as YAML
 * @param toText the {@code to} template as YAML
 * @param unified the unified diff, empty when the templates are equal
 */
public record RevisionDiff(
    long from, long to, String fromText, String toText, String unified, boolean changed) {}
