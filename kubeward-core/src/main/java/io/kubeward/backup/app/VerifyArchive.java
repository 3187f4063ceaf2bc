package io.kubeward.backup.app;

import io.kubeward.backup.domain.ArchiveRef;
import io.kubeward.backup.domain.archive.ArchiveReader;
import io.kubeward.backup.domain.archive.Verification;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Verifies a stored backup's archive as a stream (no temporary file): every entry against the
 * manifest, the archive whole, and its SHA-256 against {@code archive.zip.sha256} (or the one the
 * caller expects, e.g. from the Backup's status). Authorization is the caller's (a use case that
 * reads a Backup object decides who may verify it).
 */
public final class VerifyArchive {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private VerifyArchive() {}

  /**
   * @param expectedSha256 the SHA-256 to expect; null: the one stored next to the archive
   */
  public static Verification verify(
      ArchiveStore store, ArchiveRef ref, @Nullable String expectedSha256) throws IOException {
    List<String> problems = new ArrayList<>();
    String expected = expectedSha256;
    Optional<String> stored = storedChecksum(store, ref);
    if (stored.isEmpty()) {
      problems.add(ref.key(ArchiveRef.CHECKSUM) + " is missing or not a SHA-256");
    } else if (expected == null) {
      expected = stored.get();
    } else if (!expected.equalsIgnoreCase(stored.get())) {
      problems.add(
          ref.key(ArchiveRef.CHECKSUM) + " says " + stored.get() + ", expected " + expected);
    }
    Optional<InputStream> archive = store.open(ref.key(ArchiveRef.ARCHIVE));
    if (archive.isEmpty()) {
      problems.add(ref.key(ArchiveRef.ARCHIVE) + " is missing in location " + store.location());
      return new Verification(false, null, problems, null, 0);
    }
    Verification v;
    try (InputStream in = archive.get()) {
      v = ArchiveReader.verify(in, expected);
    }
    if (problems.isEmpty()) {
      return v;
    }
    problems.addAll(v.problems());
    return new Verification(false, v.manifest(), problems, v.sha256(), v.size());
  }

  static Optional<String> storedChecksum(ArchiveStore store, ArchiveRef ref) throws IOException {
    Optional<InputStream> file = store.open(ref.key(ArchiveRef.CHECKSUM));
    if (file.isEmpty()) {
      return Optional.empty();
    }
    try (InputStream in = file.get()) {
      String text = new String(in.readNBytes(256), StandardCharsets.US_ASCII).strip();
      // "<sha>" or sha256sum's "<sha>  archive.zip"
      String sha = text.split("\\s+", 2)[0].toLowerCase(java.util.Locale.ROOT);
      return SHA256.matcher(sha).matches() ? Optional.of(sha) : Optional.empty();
    }
  }
}
