/**
 * The alert engine (ADR 0031): the evaluation loop per cluster where this replica leads the
 * cluster's controllers, the site leader for site-scoped alerts (Kubeward cannot reach a cluster),
 * the stores of alerts and of the alerting history with their queries, and the use cases that show
 * alerts and history to a caller.
 */
package io.kubeward.alert.app.engine;
