package io.kubeward.backup.app;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A Backup or BackupSchedule the validator refuses; nothing was written. */
public final class InvalidBackupException extends KubewardException {

  public static final String CODE = "backup.invalid";

  private final List<String> problems;

  public InvalidBackupException(List<String> problems) {
    super(CODE, ErrorKind.INVALID, String.join("; ", problems), properties(problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }

  private static Map<String, Object> properties(List<String> problems) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("summary", String.join("; ", problems));
    p.put("problems", List.copyOf(problems));
    return p;
  }
}
