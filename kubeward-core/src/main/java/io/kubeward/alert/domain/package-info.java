/**
 * The alerting contract shared by its parts: alerts and their labels ({@link
 * io.kubeward.alert.domain.Alert}, {@link io.kubeward.alert.domain.AlertLabels}), what a rule
 * evaluation yields ({@link io.kubeward.alert.domain.AlertSample}), the notification routing hands
 * to a channel ({@link io.kubeward.alert.domain.Notification}) and the history ({@link
 * io.kubeward.alert.domain.HistoryEntry}). Rules live in {@code alert.domain.rule}, routing
 * (policies, silences, inhibition, mute timings, grouping) in {@code alert.domain.routing},
 * channels in {@code alert.domain.channel}: each depends on this package, never the other way.
 * Pure: no client, no framework, no logger.
 */
package io.kubeward.alert.domain;
