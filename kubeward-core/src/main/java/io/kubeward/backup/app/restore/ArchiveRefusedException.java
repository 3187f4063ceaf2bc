package io.kubeward.backup.app.restore;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.util.List;

/**
 * An archive that failed its checksums, is truncated or cannot be read: nothing is planned or
 * restored from it (422 {@code restore.archive-corrupted}).
 */
public final class ArchiveRefusedException extends KubewardException {

  public static final String CODE = "restore.archive-corrupted";

  private final List<String> problems;

  public ArchiveRefusedException(String archive, List<String> problems) {
    super(
        CODE,
        ErrorKind.REJECTED,
        "the archive " + archive + " failed its checksums: " + String.join("; ", problems),
        props("archive", archive, "problems", String.join("; ", problems)));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
