package io.kubeward.diagnostics.domain.rules;

import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.diagnostics.domain.Bilingual;
import io.kubeward.diagnostics.domain.DiagnosticRule;
import io.kubeward.diagnostics.domain.Evidence;
import io.kubeward.diagnostics.domain.FindingDraft;
import io.kubeward.diagnostics.domain.ObjectRef;
import io.kubeward.diagnostics.domain.RuleId;
import io.kubeward.diagnostics.domain.Severity;
import java.util.List;
import java.util.Set;

/**
 * What most rules share: their identity fields and a helper that makes a draft for the subject.
 * Optional: a rule may implement {@link DiagnosticRule} directly.
 */
public abstract class BaseRule implements DiagnosticRule {

  private final RuleId id;
  private final Severity severity;
  private final String subjectKind;
  private final Set<String> dependsOn;
  private final Bilingual title;

  protected BaseRule(
      String id, Severity severity, String subjectKind, Set<String> dependsOn, Bilingual title) {
    this.id = RuleId.of(id);
    this.severity = severity;
    this.subjectKind = subjectKind;
    this.dependsOn = Set.copyOf(dependsOn);
    this.title = title;
  }

  @Override
  public final RuleId id() {
    return id;
  }

  @Override
  public final Severity severity() {
    return severity;
  }

  @Override
  public final String subjectKind() {
    return subjectKind;
  }

  @Override
  public final Set<String> dependsOn() {
    return dependsOn;
  }

  @Override
  public final Bilingual title() {
    return title;
  }

  /** The subject as an {@link ObjectRef} of this rule's kind. */
  protected ObjectRef ref(KubeObjectView subject) {
    return ObjectRef.of(subjectKind, subject.namespace(), subject.name());
  }

  /** One draft with this rule's default severity. */
  protected List<FindingDraft> finding(
      KubeObjectView subject, Bilingual explanation, List<Evidence> evidence, Bilingual fix) {
    return finding(subject, severity, explanation, evidence, fix);
  }

  /** One draft with a severity of its own. */
  protected List<FindingDraft> finding(
      KubeObjectView subject,
      Severity severity,
      Bilingual explanation,
      List<Evidence> evidence,
      Bilingual fix) {
    return List.of(new FindingDraft(id, severity, ref(subject), explanation, evidence, fix));
  }
}
