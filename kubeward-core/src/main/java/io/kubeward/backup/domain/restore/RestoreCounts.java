package io.kubeward.backup.domain.restore;

import io.kubeward.backup.domain.RestoreOutcome;

/** How many objects a restore created, updated, skipped and failed. */
public record RestoreCounts(long created, long updated, long skipped, long failed) {

  public static final RestoreCounts NONE = new RestoreCounts(0, 0, 0, 0);

  public long total() {
    return created + updated + skipped + failed;
  }

  public RestoreCounts plus(RestoreOutcome outcome) {
    return switch (outcome) {
      case CREATED -> new RestoreCounts(created + 1, updated, skipped, failed);
      case UPDATED -> new RestoreCounts(created, updated + 1, skipped, failed);
      case SKIPPED -> new RestoreCounts(created, updated, skipped + 1, failed);
      case FAILED -> new RestoreCounts(created, updated, skipped, failed + 1);
    };
  }

  public long of(RestoreOutcome outcome) {
    return switch (outcome) {
      case CREATED -> created;
      case UPDATED -> updated;
      case SKIPPED -> skipped;
      case FAILED -> failed;
    };
  }
}
