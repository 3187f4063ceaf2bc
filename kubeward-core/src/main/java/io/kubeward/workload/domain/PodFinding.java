package io.kubeward.workload.domain;

/**
 * A diagnostics finding about a pod, as the rollout view links to it: its id, rule, severity, the
 * rule's title in English and 简体中文, and the API path of the rule's runbook.
 */
public record PodFinding(
    String id, String rule, String severity, String title, String titleZh, String runbook) {}
