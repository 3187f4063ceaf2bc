package io.kubeward.history.domain;

/** A metric the source cannot give for this target, and why (in English; codes for clients). */
public record Missing(HistoryMetric metric, String reason, String message) {}
