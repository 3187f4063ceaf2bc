package io.kubeward.backup.kube;

import io.kubeward.access.domain.IdentityStamp;
import io.kubeward.access.domain.KubeIdentity;
import io.kubeward.access.kube.SpecDigest;
import io.kubeward.backup.app.ActingAs;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@link IdentityStamp} over Backup specs: the API stamps the spec exactly as it writes it (the
 * typed record converted to the map sent), the controllers verify it against the spec as read (the
 * raw map: a field the typed spec does not know still changes the digest, so nothing slips past the
 * stamp).
 */
public final class BackupIdentity implements ActingAs {

  private final IdentityStamp stamp;

  public BackupIdentity(IdentityStamp stamp) {
    this.stamp = stamp;
  }

  @Override
  public String stamp(String kind, String namespace, String name, Object spec, KubeIdentity who) {
    Object written = spec instanceof Map<?, ?> ? spec : BackupResources.toMap(spec);
    return stamp.stamp(kind, namespace, name, SpecDigest.of(written), who);
  }

  @Override
  public Optional<KubeIdentity> verify(
      String kind,
      String namespace,
      String name,
      @Nullable Object rawSpec,
      Map<String, String> annotations) {
    return stamp.verify(
        kind, namespace, name, SpecDigest.of(rawSpec), annotations.get(IdentityStamp.ANNOTATION));
  }
}
