package io.kubeward.runtime.kube;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A CRD Kubeward installs, read from a YAML file on the classpath. Its annotation {@value
 * #REVISION} (a whole number, raised with every schema change) is how a cluster's copy is compared
 * with this build's: an older copy is updated, a newer one (from a newer Kubeward) is kept.
 *
 * @param version the version this build reads and writes; the cluster's CRD must serve it
 */
public record CrdDefinition(
    String name, CustomResourceDefinition definition, int revision, String version) {

  public static final String REVISION = "kubeward.io/crd-revision";

  /** Loads {@code resource} (an absolute classpath path) and checks it names its revision. */
  public static CrdDefinition load(String resource, String version) {
    try (InputStream in = CrdDefinition.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing " + resource);
      }
      CustomResourceDefinition crd =
          new KubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
      String name = crd.getMetadata().getName();
      int revision = revisionOf(crd);
      if (revision <= 0) {
        throw new IllegalStateException(resource + " needs a positive annotation " + REVISION);
      }
      boolean served =
          crd.getSpec().getVersions().stream()
              .anyMatch(v -> version.equals(v.getName()) && Boolean.TRUE.equals(v.getServed()));
      if (!served) {
        throw new IllegalStateException(resource + " does not serve " + version);
      }
      return new CrdDefinition(name, crd, revision, version);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The revision annotation of a CRD, 0 when it has none or an unreadable one. */
  public static int revisionOf(CustomResourceDefinition crd) {
    Map<String, String> annotations = crd.getMetadata().getAnnotations();
    String value = annotations == null ? null : annotations.get(REVISION);
    if (value == null) {
      return 0;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
