/**
 * The diagnostics contract: rules ({@link io.kubeward.diagnostics.domain.DiagnosticRule}) judge one
 * cached object at a time over read-only {@link io.kubeward.diagnostics.domain.ClusterFacts} and
 * return {@link io.kubeward.diagnostics.domain.FindingDraft}s; the engine ({@code diagnostics.app})
 * turns drafts into findings with a lifecycle. Pure: no client, no framework, no logger. The rules
 * themselves live in {@code diagnostics.domain.rules}, registered in {@code DiagnosticRules}.
 */
package io.kubeward.diagnostics.domain;
