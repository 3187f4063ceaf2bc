package io.kubeward.diagnostics.app;

import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.Verb;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.diagnostics.domain.Bilingual;
import io.kubeward.diagnostics.domain.DiagnosticRule;
import io.kubeward.diagnostics.domain.RuleId;
import io.kubeward.diagnostics.domain.Severity;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Use cases: the rules with their runbooks. Any signed-in user reads them (they say nothing about a
 * cluster); administrators attach site-specific text to a rule (bounded, stored, audited).
 */
public final class Runbooks {

  /** Longest site-specific text accepted, in characters. */
  public static final int MAX_SITE_TEXT = 32 * 1024;

  private final DiagnosticsEngine engine;
  private final RunbookSource source;
  private final RunbookStore store;
  private final AuditedAction audited;
  private final Clock clock;

  public Runbooks(
      DiagnosticsEngine engine,
      RunbookSource source,
      RunbookStore store,
      AuditedAction audited,
      Clock clock) {
    this.engine = engine;
    this.source = source;
    this.store = store;
    this.audited = audited;
    this.clock = clock;
  }

  /** A rule as the console lists it. */
  public record RuleInfo(
      String id,
      Severity severity,
      String subjectKind,
      List<String> dependsOn,
      Bilingual title,
      String runbook,
      boolean hasSiteText) {}

  /**
   * A rule's runbook: the shipped markdown (English, then 简体中文) and the site's own text.
   *
   * @param siteText {@code null} when the site has none
   */
  public record Runbook(
      String rule,
      Bilingual title,
      String markdown,
      @Nullable String siteText,
      @Nullable String siteUpdatedBy,
      @Nullable Instant siteUpdatedAt) {}

  public List<RuleInfo> rules() {
    return engine.rules().stream()
        .map(
            rule ->
                new RuleInfo(
                    rule.id().value(),
                    rule.severity(),
                    rule.subjectKind(),
                    rule.dependsOn().stream().sorted().toList(),
                    rule.title(),
                    io.kubeward.diagnostics.domain.Finding.runbookPath(rule.id()),
                    store.find(rule.id()).isPresent()))
        .toList();
  }

  public Runbook get(String ruleId) {
    DiagnosticRule rule = rule(ruleId);
    var site = store.find(rule.id());
    return new Runbook(
        rule.id().value(),
        rule.title(),
        source.markdown(rule.id()).orElse(""),
        site.map(RunbookStore.SiteText::markdown).orElse(null),
        site.map(RunbookStore.SiteText::updatedBy).orElse(null),
        site.map(RunbookStore.SiteText::updatedAt).orElse(null));
  }

  /** Sets (or, with blank text, removes) the site-specific text of a rule; administrators only. */
  public Runbook putSiteText(Caller caller, String ruleId, String markdown) {
    String text = markdown == null ? "" : markdown;
    return audited.run(
        caller,
        Verb.ADMINISTER,
        new AuditedAction.Target(Runbooks.KUBEWARD, null, "Runbook", ruleId),
        "runbook.site-text",
        () -> {
          DiagnosticRule rule = rule(ruleId);
          if (text.length() > MAX_SITE_TEXT) {
            throw DiagnosticsException.tooLarge(MAX_SITE_TEXT);
          }
          String before = store.find(rule.id()).map(RunbookStore.SiteText::markdown).orElse("");
          if (text.isBlank()) {
            store.delete(rule.id());
          } else {
            store.save(
                new RunbookStore.SiteText(rule.id(), text, caller.username(), clock.instant()));
          }
          return new AuditedAction.Outcome<>(
              get(ruleId),
              "site text: " + before.length() + " → " + text.strip().length() + " characters");
        });
  }

  static final String KUBEWARD = io.kubeward.access.app.Authorizer.KUBEWARD;

  private DiagnosticRule rule(String ruleId) {
    if (!RuleId.isValid(ruleId)) {
      throw DiagnosticsException.ruleNotFound(String.valueOf(ruleId));
    }
    return engine
        .rule(RuleId.of(ruleId))
        .orElseThrow(() -> DiagnosticsException.ruleNotFound(ruleId));
  }
}
