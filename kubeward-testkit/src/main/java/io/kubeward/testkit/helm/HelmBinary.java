package io.kubeward.testkit.helm;

import io.kubeward.testkit.process.BuiltBinary;
import java.nio.file.Path;

/**
 * The Helm CLI the tests use (issue 18): the version pinned in {@code
 * kubeward-testkit/go/helm/go.mod}, built from its Go module by {@code build-helm.sh} into the
 * cache outside the repository. Tests of Helm releases give it to the server as {@code
 * kubeward.helm.binary}; the chart tests lint and render {@code deploy/helm/kubeward} with it.
 */
public final class HelmBinary {

  /** System property naming the helm binary (else the build script is run). */
  public static final String BINARY_PROPERTY = "kubeward.helm.bin";

  /** Environment variable naming the helm binary. */
  public static final String ENV = "KUBEWARD_HELM_BIN";

  static final String BUILD_SCRIPT = "kubeward-testkit/go/build-helm.sh";

  private HelmBinary() {}

  /** The binary from the property or the environment, else from the build script (built once). */
  public static Path resolve() {
    return new BuiltBinary("helm", BINARY_PROPERTY, ENV, BUILD_SCRIPT).resolve();
  }
}
