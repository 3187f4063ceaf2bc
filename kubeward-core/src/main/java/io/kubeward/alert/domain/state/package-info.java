/**
 * The engine's pure alert state machine (ADR 0031): what one evaluation of one rule does to the
 * rule's alerts (pending, firing after the rule's {@code for}, resolved) and which transitions it
 * makes. No clock, no store, no framework.
 */
package io.kubeward.alert.domain.state;
