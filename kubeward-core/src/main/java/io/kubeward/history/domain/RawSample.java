package io.kubeward.history.domain;

/** One raw sample of one stored series (epoch milliseconds). */
public record RawSample(long seriesId, long t, UsageValues values) {}
