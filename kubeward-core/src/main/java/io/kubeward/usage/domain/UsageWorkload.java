package io.kubeward.usage.domain;

/**
 * The pods of one workload summed: {@code kind} is the top controlling owner the cache knows
 * (Deployment through its ReplicaSets, CronJob through its Jobs, StatefulSet, DaemonSet, ...), or
 * {@code Pod} for a pod without an owner.
 */
public record UsageWorkload(
    String kind, String name, UsageAmount cpu, UsageAmount memory, int pods) {}
