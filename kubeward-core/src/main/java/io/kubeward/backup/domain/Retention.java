package io.kubeward.backup.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Which of a schedule's Backups retention deletes. Pure. */
public final class Retention {

  private Retention() {}

  /** One of the schedule's Backups: its name, creation time and whether it finished. */
  public record Child(String name, Instant createdAt, boolean finished) {}

  /**
   * The children to delete, oldest first: beyond the {@code count} newest, and older than {@code
   * maxAge}. Unfinished Backups are never deleted (and not counted against {@code count}).
   */
  public static List<String> prune(
      List<Child> children, @Nullable Integer count, @Nullable Duration maxAge, Instant now) {
    List<Child> finished =
        children.stream()
            .filter(Child::finished)
            .sorted(Comparator.comparing(Child::createdAt).thenComparing(Child::name).reversed())
            .toList();
    List<String> delete = new ArrayList<>();
    for (int i = 0; i < finished.size(); i++) {
      Child c = finished.get(i);
      boolean beyondCount = count != null && i >= count;
      boolean tooOld = maxAge != null && c.createdAt().plus(maxAge).isBefore(now);
      if (beyondCount || tooOld) {
        delete.add(c.name());
      }
    }
    return delete.reversed();
  }
}
