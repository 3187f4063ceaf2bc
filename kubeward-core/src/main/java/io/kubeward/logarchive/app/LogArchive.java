package io.kubeward.logarchive.app;

import io.kubeward.logarchive.domain.LogArchiveSettings;
import io.kubeward.logarchive.domain.LogPage;
import io.kubeward.logarchive.domain.LogQuery;

/**
 * Port: a store of past logs (ADR 0028). The built-in implementation speaks Elasticsearch's and
 * OpenSearch's {@code _search} API; Loki's {@code query_range} can implement the same port.
 * Failures are {@link LogArchiveException}s.
 */
public interface LogArchive {

  /** The lines of {@code query}, newest first, at most its limit. */
  LogPage search(String cluster, LogArchiveSettings settings, LogQuery query);
}
