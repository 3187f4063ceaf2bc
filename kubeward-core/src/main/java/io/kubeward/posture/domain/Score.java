package io.kubeward.posture.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * A score from 0 to 100 (ADR 0050): {@code 100 × (W − F) / W}, rounded down, where {@code W} is the
 * sum of the weights of every result judged (critical 10, high 5, medium 2, low 1) and {@code F}
 * the sum of the weights of the failed results that no unexpired exception covers. Nothing judged
 * scores 100.
 */
public record Score(int score, int passed, int failed, int excepted, long weight, long lost) {

  public static Score of(
      Collection<Result> results, List<PostureException> exceptions, Instant now) {
    int passed = 0;
    int failed = 0;
    int excepted = 0;
    long weight = 0;
    long lost = 0;
    for (Result r : results) {
      int w = r.check().severity().weight();
      weight += w;
      if (r.passed()) {
        passed++;
      } else if (exceptions.stream().anyMatch(e -> e.covers(r, now))) {
        excepted++;
      } else {
        failed++;
        lost += w;
      }
    }
    int score = weight == 0 ? 100 : (int) Math.floorDiv(100 * (weight - lost), weight);
    return new Score(score, passed, failed, excepted, weight, lost);
  }
}
