package io.kubeward.netpol.domain;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One peer of a NetworkPolicy rule, in words: pods (by selector) in namespaces (the policy's own,
 * or those a namespace selector picks, with the names it picks today), or an IP block.
 *
 * @param kind {@code pods}, {@code namespaces} or {@code ip-block}
 * @param pods the pod selector as text ({@code "all pods"} when empty), {@code null} for IP blocks
 * @param namespaces the namespace selector as text, {@code null} for the policy's own namespace
 * @param matchingNamespaces the namespaces the selector picks among the known ones
 */
public record NetworkPeer(
    String kind,
    @Nullable String pods,
    @Nullable String namespaces,
    List<String> matchingNamespaces,
    @Nullable String cidr,
    List<String> except,
    String en,
    String zh) {}
