package io.kubeward.backup.domain.archive;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of {@link ArchiveReader#verify}: {@code ok} when every entry matches the manifest,
 * the archive is whole and its SHA-256 is the one expected.
 *
 * @param manifest the manifest, when it could be read
 * @param problems what is wrong, one sentence each (at most {@link #MAX_PROBLEMS}, the last one
 *     saying how many more there were)
 * @param sha256 the SHA-256 of the bytes read, hex
 * @param size the bytes read
 */
public record Verification(
    boolean ok,
    @Nullable Manifest manifest,
    List<String> problems,
    @Nullable String sha256,
    long size) {

  public static final int MAX_PROBLEMS = 100;

  public Verification {
    problems = problems == null ? List.of() : List.copyOf(problems);
  }

  /** The verification as the contract of issue 16 names it. */
  public Verification(boolean ok, @Nullable Manifest manifest, List<String> problems) {
    this(ok, manifest, problems, null, -1);
  }
}
