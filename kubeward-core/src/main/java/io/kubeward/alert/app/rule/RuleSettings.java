package io.kubeward.alert.app.rule;

/**
 * Bounds of the rules' evaluation ({@code kubeward.alerting.rules.*}).
 *
 * @param maxSamples samples one evaluation of one rule yields at most (the rest are left out and
 *     logged)
 */
public record RuleSettings(int maxSamples) {

  public RuleSettings {
    if (maxSamples < 1 || maxSamples > 100_000) {
      throw new IllegalArgumentException("max-samples must lie between 1 and 100000");
    }
  }
}
