package io.kubeward.server.upgrade;

import io.kubeward.upgrade.domain.Finding;
import io.kubeward.upgrade.domain.KubeMinor;
import io.kubeward.upgrade.domain.ReadinessReport;
import io.kubeward.upgrade.domain.Step;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.MessageSource;

/** The readiness report as the API answers it, every text in the caller's language. */
@Schema(name = "UpgradeReadiness")
record UpgradeView(
    String cluster,
    @Schema(description = "the apiserver's version as /version reports it")
        String controlPlaneVersion,
    @Schema(description = "the control plane's minor, e.g. 1.34") String current,
    @Schema(description = "the target minor checked") String target,
    @Schema(description = "the control-plane upgrades to make, one minor at a time")
        List<String> path,
    @Schema(description = "pass, warn, fail or unknown: the worst step") String overall,
    String overallText,
    Instant generatedAt,
    List<StepView> steps) {

  private static final Set<String> AREA_CODES = Set.of("not-visible", "unreadable");
  private static final Set<String> SUBJECT_CODES =
      Set.of(
          "certificate-unreadable",
          "certificate-expired",
          "certificate-expires-soon",
          "certificate-valid");

  @Schema(name = "UpgradeStep")
  record StepView(
      @Schema(
              description =
                  "control-plane-path, node-skew, deprecated-apis, certificates or"
                      + " disruption-budgets")
          String id,
      int number,
      @Schema(description = "pass, warn, fail or unknown") String status,
      String title,
      @Schema(description = "what to do") String advice,
      List<FindingView> findings) {}

  @Schema(name = "UpgradeFinding")
  record FindingView(
      @Schema(description = "pass, warn, fail or unknown") String status,
      @Schema(description = "a stable code, e.g. api-removed, pdb-max-unavailable-zero")
          String code,
      String subject,
      @Schema(description = "the evidence in the caller's language") String text) {}

  static UpgradeView of(ReadinessReport r, MessageSource messages, Locale locale) {
    List<StepView> steps =
        java.util.stream.IntStream.range(0, r.steps().size())
            .mapToObj(i -> step(i + 1, r.steps().get(i), messages, locale))
            .toList();
    return new UpgradeView(
        r.cluster(),
        r.controlPlaneVersion(),
        r.current().toString(),
        r.target().toString(),
        r.path().stream().map(KubeMinor::toString).toList(),
        r.overall().wireName(),
        messages.getMessage("upgrade.overall." + r.overall().wireName(), null, locale),
        r.generatedAt(),
        steps);
  }

  private static StepView step(int number, Step s, MessageSource messages, Locale locale) {
    String id = s.id().wireName();
    return new StepView(
        id,
        number,
        s.status().wireName(),
        messages.getMessage("upgrade.step." + id + ".title", null, locale),
        messages.getMessage("upgrade.step." + id + ".advice", null, locale),
        s.findings().stream().map(f -> finding(f, messages, locale)).toList());
  }

  private static FindingView finding(Finding f, MessageSource messages, Locale locale) {
    Object[] args = f.args().toArray();
    if (args.length > 0 && AREA_CODES.contains(f.code())) {
      args[0] =
          messages.getMessage("upgrade.area." + args[0], null, String.valueOf(args[0]), locale);
    }
    if (args.length > 0 && SUBJECT_CODES.contains(f.code())) {
      args[0] =
          messages.getMessage("upgrade.subject." + args[0], null, String.valueOf(args[0]), locale);
    }
    return new FindingView(
        f.status().wireName(),
        f.code(),
        f.subject(),
        messages.getMessage("upgrade.finding." + f.code(), args, f.code(), locale));
  }
}
