package io.kubeward.helm.domain;

import java.util.List;
import java.util.Map;

/**
 * A release revision in full.
 *
 * @param values the values the user supplied ({@code helm get values}), not the chart's defaults
 * @param valuesYaml the same values as YAML
 * @param manifest the rendered objects (YAML documents) of the revision, hooks excluded
 * @param notes the chart's rendered NOTES.txt
 */
public record HelmReleaseDetail(
    HelmRelease release,
    Map<String, Object> values,
    String valuesYaml,
    String manifest,
    String notes,
    List<HelmHook> hooks) {

  public HelmReleaseDetail {
    hooks = List.copyOf(hooks);
  }
}
