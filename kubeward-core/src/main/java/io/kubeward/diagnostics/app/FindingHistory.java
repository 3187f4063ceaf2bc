package io.kubeward.diagnostics.app;

import io.kubeward.diagnostics.domain.Finding;
import io.kubeward.diagnostics.domain.FindingFilter;
import java.time.Instant;
import java.util.List;

/**
 * Port: resolved findings kept in the database, written only by the replica that leads the cluster,
 * read by every replica.
 */
public interface FindingHistory {

  void saveResolved(Finding finding);

  /**
   * Resolved findings of a cluster matching the filter (its namespace, kind, name, rule and
   * severities at least; the rest may be checked by the caller), newest resolution first.
   */
  List<Finding> resolved(String cluster, FindingFilter filter, int limit);

  /**
   * Deletes resolved findings of a cluster resolved before {@code before} and beyond {@code keep}.
   */
  int prune(String cluster, Instant before, int keep);

  /** The clusters with stored findings. */
  List<String> clusters();

  /** For tests and replicas without a database: keeps nothing. */
  FindingHistory NONE =
      new FindingHistory() {
        @Override
        public void saveResolved(Finding finding) {}

        @Override
        public List<Finding> resolved(String cluster, FindingFilter filter, int limit) {
          return List.of();
        }

        @Override
        public int prune(String cluster, Instant before, int keep) {
          return 0;
        }

        @Override
        public List<String> clusters() {
          return List.of();
        }
      };
}
