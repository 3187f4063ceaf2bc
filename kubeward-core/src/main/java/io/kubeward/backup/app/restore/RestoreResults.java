package io.kubeward.backup.app.restore;

import io.kubeward.backup.domain.ObjectRef;
import io.kubeward.backup.domain.ObjectResult;
import io.kubeward.backup.domain.RestoreOutcome;
import io.kubeward.backup.domain.restore.RestoreCounts;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The per-object results of restores (table {@code kubeward_restore_results}, ADR 0042), keyed by
 * the Restore's uid. The log a restarted restore resumes from: an object is {@linkplain #begin
 * begun} before it is written and {@linkplain #record recorded} after, so a restore interrupted
 * between the two knows the object may be its own.
 */
public interface RestoreResults {

  /** Notes that the object is about to be written (write-ahead). */
  void begin(String restore, ObjectRef source, ObjectRef target);

  /** Records the object's result (replacing a begun entry). */
  void record(String restore, ObjectResult result);

  /** The recorded results' outcomes, by source object. */
  Map<ObjectRef, RestoreOutcome> recorded(String restore);

  /** The objects begun but not recorded (interrupted while being written). */
  Set<ObjectRef> begun(String restore);

  RestoreCounts counts(String restore);

  /** One page (from 0) of the results, optionally of one outcome, in restore order. */
  Page page(String restore, @Nullable RestoreOutcome outcome, int page, int size);

  /** Drops a restore's results (the Restore was deleted). */
  void delete(String restore);

  /** A page of results and the total matching. */
  record Page(List<ObjectResult> items, long total, int page, int size) {}
}
