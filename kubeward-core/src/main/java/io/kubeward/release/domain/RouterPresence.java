package io.kubeward.release.domain;

/**
 * Whether a traffic router can work on a cluster (its API exists: e.g. the Gateway API CRDs are
 * installed), with the reason shown to users when it cannot. Routers not present are reported,
 * never guessed.
 */
public record RouterPresence(String type, boolean present, String reason) {}
