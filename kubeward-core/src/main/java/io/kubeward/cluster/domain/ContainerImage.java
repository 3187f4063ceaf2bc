package io.kubeward.cluster.domain;

/** A regular container of a pod template and its image, as written in the template. */
public record ContainerImage(String container, String image) {}
