package io.kubeward.diagnostics.domain;

import io.kubeward.cluster.domain.KubeObjectView;
import java.util.List;
import java.util.Set;

/**
 * One diagnostic rule. Rules are pure and stateless: {@link #judge} looks at one cached object of
 * {@link #subjectKind()} and whatever else it needs through {@link ClusterFacts}, and says what is
 * wrong (an empty list: nothing). It must not keep state between calls, read a clock other than
 * {@link ClusterFacts#now()} or throw for unexpected shapes (return nothing instead); the engine
 * calls it from one thread per cluster, for every object of its kind on each full pass and again
 * whenever that object or an object of a {@link #dependsOn()} kind changes.
 */
public interface DiagnosticRule {

  RuleId id();

  /** The default severity of its findings (lists of rules show it). */
  Severity severity();

  /** The kind it judges, as Kubernetes writes it: {@code Pod}, {@code Deployment}, ... */
  String subjectKind();

  /**
   * Other kinds whose changes may change its verdicts (e.g. {@code Service} for a rule on
   * Ingresses, {@code Event} for a rule reading events); a change of one of them re-judges the
   * subjects in the changed object's namespace (all of them for cluster-scoped kinds), bounded and
   * debounced.
   */
  Set<String> dependsOn();

  /** A short name of what it detects ("Container in a crash loop"). */
  Bilingual title();

  /** What is wrong with {@code subject}: empty when healthy. Pure. */
  List<FindingDraft> judge(KubeObjectView subject, ClusterFacts facts);
}
