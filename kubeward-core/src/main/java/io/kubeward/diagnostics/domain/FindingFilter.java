package io.kubeward.diagnostics.domain;

import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which findings a list shows: severities (empty: all), one rule, namespace, kind and name (exact),
 * the state (active, resolved, {@code null} for both) and a text looked for, case-insensitively, in
 * the subject's name, the rule id, both languages of the explanation and the evidence values.
 */
public record FindingFilter(
    Set<Severity> severities,
    @Nullable RuleId rule,
    @Nullable String namespace,
    @Nullable String kind,
    @Nullable String name,
    Finding.@Nullable State state,
    @Nullable String text) {

  /** Longest text filter accepted. */
  public static final int MAX_TEXT = 200;

  public static final FindingFilter ACTIVE =
      new FindingFilter(Set.of(), null, null, null, null, Finding.State.ACTIVE, null);

  /** Most urgent first, then the newest, then by subject: the order of every list. */
  public static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::severity)
          .thenComparing(Finding::firstSeen, Comparator.reverseOrder())
          .thenComparing(f -> f.subject().key())
          .thenComparing(Finding::rule);

  public FindingFilter {
    severities = severities == null ? Set.of() : Set.copyOf(severities);
    text = text == null || text.isBlank() ? null : text.strip().toLowerCase(Locale.ROOT);
    if (text != null && text.length() > MAX_TEXT) {
      throw new IllegalArgumentException("text longer than " + MAX_TEXT);
    }
  }

  public boolean includesActive() {
    return state == null || state == Finding.State.ACTIVE;
  }

  public boolean includesResolved() {
    return state == null || state == Finding.State.RESOLVED;
  }

  public boolean matches(Finding finding) {
    ObjectRef subject = finding.subject();
    if (!severities.isEmpty() && !severities.contains(finding.severity())) {
      return false;
    }
    if (rule != null && !rule.equals(finding.rule())) {
      return false;
    }
    if (namespace != null && !namespace.equals(subject.namespace())) {
      return false;
    }
    if (kind != null && !kind.equalsIgnoreCase(subject.kind())) {
      return false;
    }
    if (name != null && !name.equals(subject.name())) {
      return false;
    }
    if (state != null && state != finding.state()) {
      return false;
    }
    return text == null || containsText(finding);
  }

  private boolean containsText(Finding finding) {
    if (has(finding.subject().name())
        || has(finding.rule().value())
        || has(finding.explanation().en())
        || has(finding.explanation().zh())
        || has(finding.title().en())
        || has(finding.title().zh())) {
      return true;
    }
    for (Evidence evidence : finding.evidence()) {
      if (has(evidence.value()) || has(evidence.label())) {
        return true;
      }
    }
    return false;
  }

  private boolean has(String value) {
    return value != null && value.toLowerCase(Locale.ROOT).contains(text);
  }
}
