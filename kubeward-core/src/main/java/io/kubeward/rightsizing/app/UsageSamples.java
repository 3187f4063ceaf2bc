package io.kubeward.rightsizing.app;

import io.kubeward.history.domain.HistoryTarget;
import io.kubeward.rightsizing.domain.UsageSample;
import java.time.Instant;
import java.util.List;

/** Port: a workload container's usage samples over a window, oldest first. */
public interface UsageSamples {

  /** What the samples come from ({@code prometheus}, {@code built-in} or {@code none}). */
  String source(String cluster);

  List<UsageSample> samples(String cluster, HistoryTarget container, Instant from, Instant to);
}
