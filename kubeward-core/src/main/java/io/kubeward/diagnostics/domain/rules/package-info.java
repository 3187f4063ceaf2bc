/**
 * The diagnostic rules, one class per rule, registered in {@link
 * io.kubeward.diagnostics.domain.rules.DiagnosticRules}. Pure like every {@code domain} package.
 * Each rule ships {@code docs/runbooks/<rule-id>.md} (English, then 简体中文) and a scenario IT.
 */
package io.kubeward.diagnostics.domain.rules;
