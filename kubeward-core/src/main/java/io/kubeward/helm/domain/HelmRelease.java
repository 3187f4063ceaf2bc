package io.kubeward.helm.domain;

/**
 * One revision of a Helm release, as the release's Secret holds it: what a list row and a history
 * row show.
 *
 * @param status Helm's status ({@code deployed}, {@code superseded}, {@code failed}, {@code
 *     pending-install}, {@code pending-upgrade}, {@code pending-rollback}, {@code uninstalling},
 *     {@code uninstalled}, {@code unknown})
 * @param updated when the revision was deployed (RFC 3339, as Helm wrote it)
 */
public record HelmRelease(
    String name,
    String namespace,
    int revision,
    String status,
    String chart,
    String chartVersion,
    String appVersion,
    String updated,
    String description) {}
