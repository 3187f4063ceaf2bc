package io.kubeward.cluster.domain;

/** The controlling owner of an object (e.g. a pod's ReplicaSet), in the object's namespace. */
public record OwnerRef(String kind, String name) {}
