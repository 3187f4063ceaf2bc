package io.kubeward.history.domain;

/**
 * One rollup bucket of one stored series: its start (epoch milliseconds), how many raw samples it
 * summarises, and the average and maximum of each metric ({@code null} where no sample had one).
 */
public record RollupSample(long seriesId, long t, int samples, UsageValues avg, UsageValues max) {}
