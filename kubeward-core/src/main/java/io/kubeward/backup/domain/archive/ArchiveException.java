package io.kubeward.backup.domain.archive;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.util.Map;

/**
 * An archive that is not what its manifest and checksums say (corrupted, truncated, altered, of an
 * unknown format), in words a user can act on (en + 简体中文 through the server's bundles).
 */
public final class ArchiveException extends KubewardException {

  public static final String CORRUPT = "backup.archive-corrupt";
  public static final String TOO_LARGE = "backup.archive-too-large";

  private ArchiveException(String code, ErrorKind kind, String message, Map<String, Object> p) {
    super(code, kind, message, p);
  }

  public static ArchiveException corrupt(String problem) {
    return new ArchiveException(
        CORRUPT,
        ErrorKind.REJECTED,
        "The archive is corrupt: " + problem,
        props("problem", problem));
  }

  public static ArchiveException tooLarge(String what, long limit) {
    return new ArchiveException(
        TOO_LARGE,
        ErrorKind.TOO_LARGE,
        what + " is larger than " + limit + " bytes",
        props("what", what, "limit", limit));
  }
}
