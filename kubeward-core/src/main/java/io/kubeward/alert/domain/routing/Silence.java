package io.kubeward.alert.domain.routing;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A silence: while it is active (from {@code startsAt} until {@code endsAt}) firing alerts whose
 * labels satisfy all its matchers are not notified. Expiring sets {@code endsAt} to the moment of
 * expiry. {@code matchers} holds the parsed form of {@code matcherTexts}.
 */
public record Silence(
    String id,
    List<String> matcherTexts,
    Instant startsAt,
    Instant endsAt,
    String comment,
    String createdBy,
    Instant createdAt,
    @Nullable String updatedBy,
    @Nullable Instant updatedAt) {

  public static final int MAX_COMMENT = 1000;

  /** A silence's state at an instant. */
  public enum State {
    PENDING,
    ACTIVE,
    EXPIRED;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<State> ofLabel(String label) {
      for (State s : values()) {
        if (s.label().equalsIgnoreCase(label)) {
          return Optional.of(s);
        }
      }
      return Optional.empty();
    }
  }

  public Silence {
    matcherTexts = List.copyOf(matcherTexts);
  }

  public List<LabelMatcher> matchers() {
    return matcherTexts.stream().map(LabelMatcher::parse).toList();
  }

  public State state(Instant now) {
    if (!now.isBefore(endsAt)) {
      return State.EXPIRED;
    }
    return now.isBefore(startsAt) ? State.PENDING : State.ACTIVE;
  }

  public boolean matches(Map<String, String> labels) {
    return LabelMatcher.all(matchers(), labels);
  }

  /** The cluster its {@code cluster="..."} matcher names, if it has exactly one such. */
  public Optional<String> cluster() {
    return clusterOf(matchers());
  }

  public static Optional<String> clusterOf(List<LabelMatcher> matchers) {
    List<String> named =
        matchers.stream()
            .filter(m -> m.name().equals("cluster") && m.op() == LabelMatcher.Op.EQUAL)
            .map(LabelMatcher::value)
            .distinct()
            .toList();
    return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
  }
}
