package io.kubeward.helm.app;

import java.time.Duration;

/**
 * How helm is run.
 *
 * @param timeout how long one helm command may take (passed as {@code --timeout}, and the process
 *     is killed a little after)
 * @param maxChartBytes the largest uploaded chart archive accepted
 */
public record HelmSettings(Duration timeout, long maxChartBytes) {

  public long timeoutSeconds() {
    return Math.max(1, timeout.toSeconds());
  }
}
