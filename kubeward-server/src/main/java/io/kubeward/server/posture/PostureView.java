package io.kubeward.server.posture;

import io.kubeward.posture.domain.Check;
import io.kubeward.posture.domain.PostureReport;
import io.kubeward.posture.domain.Score;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * A posture report in the caller's language: scores, findings, notes and the catalogue of checks
 * (citation, explanation and fix). Scores are 0–100: {@code 100 × (W − F) / W}, rounded down, W the
 * weights of every result judged (critical 10, high 5, medium 2, low 1), F those of the failed
 * results no unexpired exception covers.
 */
@Schema(name = "PostureReport")
record PostureView(
    String cluster,
    String scannedBy,
    Instant scannedAt,
    Instant evaluatedAt,
    Score score,
    List<PostureReport.NamespaceScore> namespaces,
    List<PostureReport.Finding> findings,
    List<NoteView> notes,
    List<CheckView> checks) {

  @Schema(name = "PostureNote", description = "What the scan could not judge, and why")
  record NoteView(String code, String message) {}

  @Schema(name = "PostureCheck")
  record CheckView(
      String id,
      String severity,
      String target,
      List<String> citations,
      String title,
      String explanation,
      String fix) {}

  static List<CheckView> catalogue(MessageSource messages, Locale locale) {
    return Arrays.stream(Check.values())
        .map(
            c ->
                new CheckView(
                    c.wireName(),
                    c.severity().wireName(),
                    c.target().name().toLowerCase(Locale.ROOT),
                    c.citations(),
                    text(messages, "posture.check." + c.wireName() + ".title", locale),
                    text(messages, "posture.check." + c.wireName() + ".explain", locale),
                    text(messages, "posture.check." + c.wireName() + ".fix", locale)))
        .toList();
  }

  static PostureView of(PostureReport r, MessageSource messages, Locale locale) {
    return new PostureView(
        r.cluster(),
        r.scannedBy(),
        r.scannedAt(),
        r.evaluatedAt(),
        r.score(),
        r.namespaces(),
        r.findings(),
        r.notes().stream()
            .map(
                n ->
                    new NoteView(
                        n.code(),
                        messages.getMessage(
                            "posture.note." + n.code(),
                            new Object[] {n.detail()},
                            n.code() + ": " + n.detail(),
                            locale)))
            .toList(),
        catalogue(messages, locale));
  }

  private static String text(MessageSource messages, String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }
}
