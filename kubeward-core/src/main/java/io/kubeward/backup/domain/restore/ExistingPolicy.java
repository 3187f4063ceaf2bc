package io.kubeward.backup.domain.restore;

/** What a restore does with an object that exists already. Add, never rename. */
public enum ExistingPolicy {
  /** Left alone and reported as skipped (the default). */
  Skip,
  /** Overwritten by server-side apply, field manager {@code kubeward-restore}, forced. */
  Overwrite
}
