package io.kubeward.diagnostics.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The active findings of one cluster and their transitions: a pure state machine fed with verdicts
 * (the drafts of some rules about one subject, or of every rule about every subject) and the time.
 * Not thread-safe: the engine holds one per cluster and feeds it under a lock.
 *
 * <p>A verdict of rule R about subject S replaces R's previous verdict about S: a draft where there
 * was none opens a finding (unless the book is full: {@link #dropped()} counts those), a draft
 * where there was one updates it (an {@link FindingChange.Type#UPDATED} change only if its content
 * changed), no draft where there was one resolves it.
 */
public final class FindingBook {

  private final String cluster;
  private final int maxActive;
  private final Map<ObjectRef, Map<RuleId, Finding>> bySubject = new HashMap<>();
  private final Map<String, Finding> byId = new HashMap<>();
  private long dropped;

  public FindingBook(String cluster, int maxActive) {
    if (maxActive < 1) {
      throw new IllegalArgumentException("maxActive must be at least 1");
    }
    this.cluster = cluster;
    this.maxActive = maxActive;
  }

  /**
   * The verdict of {@code rules} about {@code subject}: {@code drafts} (only those of these rules
   * about this subject count; the first per rule wins).
   */
  public List<FindingChange> judged(
      Collection<? extends DiagnosticRule> rules,
      ObjectRef subject,
      List<FindingDraft> drafts,
      Instant now) {
    List<FindingChange> changes = new ArrayList<>();
    for (DiagnosticRule rule : rules) {
      FindingDraft draft = null;
      for (FindingDraft candidate : drafts) {
        if (candidate.rule().equals(rule.id()) && candidate.subject().equals(subject)) {
          draft = candidate;
          break;
        }
      }
      apply(rule, subject, draft, now, changes);
    }
    return changes;
  }

  /** The subject is gone: every finding about it resolves. */
  public List<FindingChange> gone(ObjectRef subject, Instant now) {
    Map<RuleId, Finding> findings = bySubject.remove(subject);
    if (findings == null) {
      return List.of();
    }
    List<FindingChange> changes = new ArrayList<>();
    for (Finding finding : findings.values()) {
      byId.remove(finding.id());
      changes.add(new FindingChange(FindingChange.Type.RESOLVED, finding.resolved(now)));
    }
    return changes;
  }

  /**
   * A full pass: {@code verdicts} holds every draft of every rule over every subject of the
   * cluster; findings of {@code judgedRules} without a draft resolve (rules not judged this time,
   * e.g. whose kind is not cached yet, keep theirs).
   */
  public List<FindingChange> fullPass(
      Map<RuleId, DiagnosticRule> judgedRules, List<FindingDraft> verdicts, Instant now) {
    List<FindingChange> changes = new ArrayList<>();
    Map<ObjectRef, Map<RuleId, FindingDraft>> drafts = new LinkedHashMap<>();
    for (FindingDraft draft : verdicts) {
      if (judgedRules.containsKey(draft.rule())) {
        drafts
            .computeIfAbsent(draft.subject(), s -> new LinkedHashMap<>())
            .putIfAbsent(draft.rule(), draft);
      }
    }
    for (ObjectRef subject : List.copyOf(bySubject.keySet())) {
      Map<RuleId, FindingDraft> forSubject = drafts.getOrDefault(subject, Map.of());
      for (RuleId rule : List.copyOf(bySubject.getOrDefault(subject, Map.of()).keySet())) {
        DiagnosticRule judged = judgedRules.get(rule);
        if (judged != null && !forSubject.containsKey(rule)) {
          apply(judged, subject, null, now, changes);
        }
      }
    }
    drafts.forEach(
        (subject, byRule) ->
            byRule.forEach(
                (rule, draft) -> apply(judgedRules.get(rule), subject, draft, now, changes)));
    return changes;
  }

  private void apply(
      DiagnosticRule rule,
      ObjectRef subject,
      FindingDraft draft,
      Instant now,
      List<FindingChange> changes) {
    Map<RuleId, Finding> findings = bySubject.get(subject);
    Finding existing = findings == null ? null : findings.get(rule.id());
    if (draft == null) {
      if (existing != null) {
        findings.remove(rule.id());
        if (findings.isEmpty()) {
          bySubject.remove(subject);
        }
        byId.remove(existing.id());
        changes.add(new FindingChange(FindingChange.Type.RESOLVED, existing.resolved(now)));
      }
      return;
    }
    if (existing == null) {
      if (byId.size() >= maxActive) {
        dropped++;
        return;
      }
      Finding opened = Finding.open(cluster, rule.title(), draft, now);
      bySubject.computeIfAbsent(subject, s -> new HashMap<>()).put(rule.id(), opened);
      byId.put(opened.id(), opened);
      changes.add(new FindingChange(FindingChange.Type.OPENED, opened));
      return;
    }
    Finding next = existing.seenAgain(draft, now);
    findings.put(rule.id(), next);
    byId.put(next.id(), next);
    if (!next.sameContent(existing)) {
      changes.add(new FindingChange(FindingChange.Type.UPDATED, next));
    }
  }

  public Collection<Finding> active() {
    return byId.values();
  }

  public Finding byId(String id) {
    return byId.get(id);
  }

  public List<Finding> about(ObjectRef subject) {
    Map<RuleId, Finding> findings = bySubject.get(subject);
    return findings == null ? List.of() : List.copyOf(findings.values());
  }

  public Set<ObjectRef> subjects() {
    return bySubject.keySet();
  }

  public int size() {
    return byId.size();
  }

  /** New findings not opened because the book was full, since it was made. */
  public long dropped() {
    return dropped;
  }
}
