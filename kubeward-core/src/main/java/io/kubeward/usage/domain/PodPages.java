package io.kubeward.usage.domain;

import io.kubeward.cluster.domain.PodView;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Pages of pods' usage (pure): sorted by name (namespace, then name), or by CPU or memory used
 * (most first, then by name), cut after the {@code continue} cursor, at most {@code limit} rows.
 * Only the rows of the page are built.
 */
public final class PodPages {

  private static final String VERSION = "u1";

  private PodPages() {}

  /** The orders of the pods' list ({@code sort} parameter). */
  public enum Sort {
    NAME,
    CPU,
    MEMORY;

    public String parameter() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Sort> parse(@Nullable String text) {
      if (text == null || text.isBlank()) {
        return Optional.of(NAME);
      }
      for (Sort sort : values()) {
        if (sort.parameter().equals(text.strip())) {
          return Optional.of(sort);
        }
      }
      return Optional.empty();
    }
  }

  /** Where a page ends: the sort, the last row's number (usage, or 0) and name. */
  public record Cursor(Sort sort, long number, String namespace, String name) {

    public String encode() {
      String text =
          String.join("\n", VERSION, sort.parameter(), Long.toString(number), namespace, name);
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @throws IllegalArgumentException if {@code token} is no cursor of ours or of another sort
     */
    public static Cursor decode(String token, Sort expected) {
      String[] parts;
      try {
        parts =
            new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.UTF_8)
                .split("\n", -1);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("the continue token is not one Kubeward made");
      }
      if (parts.length != 5 || !VERSION.equals(parts[0])) {
        throw new IllegalArgumentException("the continue token is not one Kubeward made");
      }
      if (!expected.parameter().equals(parts[1])) {
        throw new IllegalArgumentException(
            "the continue token belongs to sort order '"
                + parts[1]
                + "', not '"
                + expected.parameter()
                + "'");
      }
      try {
        return new Cursor(expected, Long.parseLong(parts[2]), parts[3], parts[4]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("the continue token is not one Kubeward made");
      }
    }
  }

  private record Candidate(PodView pod, long number) {}

  private static final Comparator<Candidate> BY_NUMBER_THEN_NAME =
      Comparator.comparingLong(Candidate::number)
          .reversed()
          .thenComparing(c -> c.pod().namespace())
          .thenComparing(c -> c.pod().name());

  /**
   * One page of the rows of {@code pods} (already filtered to what the caller asked for and may
   * list).
   */
  public static UsagePodList page(
      String cluster,
      MetricsSnapshot metrics,
      Iterable<PodView> pods,
      UsageVisibility visible,
      Sort sort,
      int limit,
      @Nullable Cursor after) {
    List<Candidate> candidates = new ArrayList<>();
    int total = 0;
    for (PodView pod : pods) {
      total++;
      Candidate candidate = new Candidate(pod, number(pod, metrics, visible, sort));
      if (after == null || BY_NUMBER_THEN_NAME.compare(candidate, key(after)) > 0) {
        candidates.add(candidate);
      }
    }
    candidates.sort(BY_NUMBER_THEN_NAME);
    List<UsagePod> rows = new ArrayList<>(Math.min(limit, candidates.size()));
    for (int i = 0; i < candidates.size() && i < limit; i++) {
      rows.add(UsageAggregates.pod(candidates.get(i).pod(), metrics, visible));
    }
    String next = null;
    if (candidates.size() > limit) {
      Candidate last = candidates.get(limit - 1);
      next = new Cursor(sort, last.number(), last.pod().namespace(), last.pod().name()).encode();
    }
    return new UsagePodList(
        cluster,
        UsageSource.of(metrics.source()),
        UsageAggregates.sampledAt(metrics),
        List.copyOf(rows),
        total,
        next);
  }

  private static Candidate key(Cursor cursor) {
    return new Candidate(
        new PodView(
            cursor.namespace(),
            cursor.name(),
            "",
            "",
            null,
            java.util.Map.of(),
            null,
            null,
            null,
            null,
            "",
            0,
            null,
            io.kubeward.cluster.domain.Resources.ZERO,
            io.kubeward.cluster.domain.Resources.ZERO),
        cursor.number());
  }

  /** The sort number of a pod: its CPU or memory used (-1 unmeasured), 0 by name. */
  private static long number(
      PodView pod, MetricsSnapshot metrics, UsageVisibility visible, Sort sort) {
    if (sort == Sort.NAME) {
      return 0;
    }
    PodSample sample =
        metrics.available() && visible.podUsage(pod.namespace())
            ? metrics.pod(pod.namespace(), pod.name())
            : null;
    if (sample == null) {
      return -1;
    }
    return sort == Sort.CPU ? sample.cpuNanos() : sample.memoryBytes();
  }
}
