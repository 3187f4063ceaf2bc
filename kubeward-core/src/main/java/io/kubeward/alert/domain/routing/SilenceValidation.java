package io.kubeward.alert.domain.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The one check of what a person asks a silence to be: 1 to {@link RoutingPolicy#MAX_MATCHERS}
 * valid matchers of which at least one does not match the empty value (a silence of everything is
 * refused, as in Alertmanager), an end after its start and after now, at most {@code maxDuration}
 * long, and a comment.
 */
public final class SilenceValidation {

  private SilenceValidation() {}

  /**
   * @return the parsed matchers
   * @throws InvalidRoutingException with every problem found
   */
  public static List<LabelMatcher> check(
      @Nullable List<String> matchers,
      @Nullable Instant startsAt,
      @Nullable Instant endsAt,
      @Nullable String comment,
      Instant now,
      Duration maxDuration) {
    List<String> problems = new ArrayList<>();
    List<String> texts = matchers == null ? List.of() : matchers;
    if (texts.isEmpty()) {
      problems.add("matchers: at least one matcher is needed");
    }
    List<LabelMatcher> parsed = RoutingPolicy.matchers(texts, "matchers", problems);
    if (!parsed.isEmpty() && parsed.stream().allMatch(m -> m.matches(Map.of()))) {
      problems.add("matchers: at least one matcher must not match an empty label");
    }
    if (endsAt == null) {
      problems.add("endsAt: missing");
    } else {
      Instant start = startsAt == null ? now : startsAt;
      if (!endsAt.isAfter(start)) {
        problems.add("endsAt: must be after startsAt");
      }
      if (!endsAt.isAfter(now)) {
        problems.add("endsAt: must be in the future");
      }
      if (Duration.between(start.isBefore(now) ? now : start, endsAt).compareTo(maxDuration) > 0) {
        problems.add("endsAt: a silence lasts at most " + RoutingDurations.format(maxDuration));
      }
    }
    if (comment == null || comment.isBlank()) {
      problems.add("comment: say why (a comment is needed)");
    } else if (comment.length() > Silence.MAX_COMMENT) {
      problems.add("comment: at most " + Silence.MAX_COMMENT + " characters");
    }
    if (!problems.isEmpty()) {
      throw InvalidRoutingException.silence(problems);
    }
    return parsed;
  }
}
