package io.kubeward.backup.app;

import io.kubeward.access.domain.KubeIdentity;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Port: who a Backup, BackupSchedule or Restore acts for (ADR 0040), its {@code
 * kubeward.io/acting-as} stamp written and verified over the spec's digest.
 */
public interface ActingAs {

  /** The stamp to write on an object of {@code kind} with {@code spec} (a record or a map). */
  String stamp(String kind, String namespace, String name, Object spec, KubeIdentity who);

  /** The identity of a valid stamp, empty when it is missing or does not match the spec read. */
  Optional<KubeIdentity> verify(
      String kind,
      String namespace,
      String name,
      @Nullable Object rawSpec,
      Map<String, String> annotations);
}
