package io.kubeward.alert.domain.routing;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A compiled inhibition rule: an alert matching {@code target} is held back while another alert
 * matching {@code source} fires with the same values of the {@code equal} labels (a label both lack
 * counts as equal, as in Alertmanager). An alert matching both sides is only held back by a source
 * that does not match the target side itself, so two such alerts never hold each other back.
 */
public record InhibitRule(
    List<LabelMatcher> source, List<LabelMatcher> target, List<String> equal) {

  /** A firing alert, as far as inhibition cares: its fingerprint and labels. */
  public record Candidate(String fingerprint, Map<String, String> labels) {}

  /** Whether {@code alert} is held back by one of {@code firing} (the scope's firing alerts). */
  public boolean inhibits(Candidate alert, Collection<Candidate> firing) {
    if (!LabelMatcher.all(target, alert.labels())) {
      return false;
    }
    boolean alsoSource = LabelMatcher.all(source, alert.labels());
    for (Candidate s : firing) {
      if (s.fingerprint().equals(alert.fingerprint())
          || !LabelMatcher.all(source, s.labels())
          || (alsoSource && LabelMatcher.all(target, s.labels()))) {
        continue;
      }
      boolean same = true;
      for (String name : equal) {
        if (!Objects.equals(
            alert.labels().getOrDefault(name, ""), s.labels().getOrDefault(name, ""))) {
          same = false;
          break;
        }
      }
      if (same) {
        return true;
      }
    }
    return false;
  }
}
