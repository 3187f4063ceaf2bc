package io.kubeward.etcd.domain;

import java.util.Comparator;
import java.util.List;

/** Which snapshots a retention by count drops: all but the newest {@code retain}. */
public final class Retention {

  private Retention() {}

  public static List<String> toDelete(List<String> ids, int retain) {
    if (retain < 1) {
      throw new IllegalArgumentException("retain must be at least 1, was " + retain);
    }
    List<String> newestFirst = ids.stream().sorted(Comparator.reverseOrder()).toList();
    return newestFirst.size() <= retain
        ? List.of()
        : newestFirst.subList(retain, newestFirst.size());
  }
}
