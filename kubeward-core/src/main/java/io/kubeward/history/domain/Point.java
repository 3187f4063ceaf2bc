package io.kubeward.history.domain;

/** One sample of a series: epoch milliseconds and a finite value. */
public record Point(long t, double v) {}
