package io.kubeward.diagnostics.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A finding with its lifecycle: what a rule said about an object of a cluster, first seen, last
 * seen (the latest evaluation that still found it) and, once the rule no longer finds it (or the
 * object is gone), resolved. {@code id} is stable for one lifecycle: the same problem found again
 * after its resolution is a new finding. {@code runbook} is the API path of the rule's runbook.
 */
public record Finding(
    String id,
    String cluster,
    RuleId rule,
    Severity severity,
    ObjectRef subject,
    Bilingual title,
    Bilingual explanation,
    List<Evidence> evidence,
    Bilingual suggestedFix,
    String runbook,
    Instant firstSeen,
    Instant lastSeen,
    @Nullable Instant resolvedAt) {

  public enum State {
    ACTIVE,
    RESOLVED
  }

  public Finding {
    evidence = List.copyOf(evidence);
  }

  public State state() {
    return resolvedAt == null ? State.ACTIVE : State.RESOLVED;
  }

  public boolean active() {
    return resolvedAt == null;
  }

  /** A new finding from a draft, first and last seen {@code now}. */
  public static Finding open(String cluster, Bilingual title, FindingDraft draft, Instant now) {
    return new Finding(
        idOf(cluster, draft.rule(), draft.subject(), now),
        cluster,
        draft.rule(),
        draft.severity(),
        draft.subject(),
        title,
        draft.explanation(),
        draft.evidence(),
        draft.suggestedFix(),
        runbookPath(draft.rule()),
        now,
        now,
        null);
  }

  /** This finding seen again at {@code now}, with the draft's current texts and evidence. */
  public Finding seenAgain(FindingDraft draft, Instant now) {
    return new Finding(
        id,
        cluster,
        rule,
        draft.severity(),
        subject,
        title,
        draft.explanation(),
        draft.evidence(),
        draft.suggestedFix(),
        runbook,
        firstSeen,
        now,
        null);
  }

  public Finding resolved(Instant now) {
    return new Finding(
        id,
        cluster,
        rule,
        severity,
        subject,
        title,
        explanation,
        evidence,
        suggestedFix,
        runbook,
        firstSeen,
        lastSeen,
        now);
  }

  /** Whether what users read changed (severity, explanation, evidence, fix); not the times. */
  public boolean sameContent(Finding other) {
    return severity == other.severity
        && explanation.equals(other.explanation)
        && evidence.equals(other.evidence)
        && suggestedFix.equals(other.suggestedFix);
  }

  /** The API path of a rule's runbook (relative to the API root, as the console links it). */
  public static String runbookPath(RuleId rule) {
    return "/api/v1/diagnostics/rules/" + rule.value() + "/runbook";
  }

  /** 20 hex digits of SHA-256 over cluster, rule, subject and first sight. */
  static String idOf(String cluster, RuleId rule, ObjectRef subject, Instant firstSeen) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] hash =
          digest.digest(
              (cluster + "\n" + rule.value() + "\n" + subject.key() + "\n" + firstSeen)
                  .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
