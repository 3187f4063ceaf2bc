package io.kubeward.diagnostics.domain;

import java.util.List;
import java.util.Objects;

/**
 * What a rule says about one object: the rule and its severity (a rule may raise or lower its own
 * default for one case), the object judged, the explanation (what is wrong and why, with the
 * facts), the evidence and the suggested fix. A rule returns at most one draft per subject; the
 * engine keeps the first if it returns more.
 */
public record FindingDraft(
    RuleId rule,
    Severity severity,
    ObjectRef subject,
    Bilingual explanation,
    List<Evidence> evidence,
    Bilingual suggestedFix) {

  /** Evidence kept per finding at most. */
  public static final int MAX_EVIDENCE = 30;

  public FindingDraft {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(explanation, "explanation");
    Objects.requireNonNull(suggestedFix, "suggestedFix");
    evidence =
        evidence == null
            ? List.of()
            : List.copyOf(evidence.subList(0, Math.min(evidence.size(), MAX_EVIDENCE)));
  }
}
