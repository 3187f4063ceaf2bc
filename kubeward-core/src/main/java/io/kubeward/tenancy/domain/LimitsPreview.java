package io.kubeward.tenancy.domain;

import java.util.List;

/**
 * What a proposed quota or limit range would refuse in a namespace, and how many pods were seen.
 */
public record LimitsPreview(
    String cluster, String namespace, int podsChecked, List<Violation> violations) {}
