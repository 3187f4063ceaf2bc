package io.kubeward.cluster.domain;

import java.util.List;

/**
 * One page of a list: the items, how many objects match the filters in all, and the token of the
 * next page ({@code null} on the last page).
 */
public record Page<V>(List<V> items, int total, String continueToken) {}
