package io.kubeward.backup.app.restore;

import io.kubeward.backup.domain.restore.RestoreObject;
import io.kubeward.backup.domain.restore.RestoreSpec;
import io.kubeward.backup.domain.restore.RestoreStatus;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A Restore as the API shows it. */
public record RestoreView(
    String cluster,
    String namespace,
    String name,
    @Nullable String uid,
    @Nullable Instant createdAt,
    @Nullable RestoreSpec spec,
    RestoreStatus status) {

  public static RestoreView of(String cluster, RestoreObject o) {
    return new RestoreView(
        cluster, o.namespace(), o.name(), o.uid(), o.createdAt(), o.spec(), o.status());
  }
}
