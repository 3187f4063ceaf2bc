package io.kubeward.usage.domain;

import java.util.List;

/** A namespace's usage, requests and limits (no allocatable), its pods and its quotas. */
public record UsageNamespace(
    String name, UsageAmount cpu, UsageAmount memory, int pods, List<UsageQuota> quotas) {}
