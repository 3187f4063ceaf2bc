package io.kubeward.alert.app.routing;

import io.kubeward.alert.domain.routing.Silence;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: the silences, in Kubeward's database. */
public interface SilenceStore {

  /** Every stored silence, newest first, at most {@code limit}. */
  List<Silence> list(int limit);

  /** The silences not expired at {@code now} (pending and active). */
  List<Silence> unexpired(Instant now);

  Optional<Silence> find(String id);

  void insert(Silence silence);

  /** Replaces the stored silence of that id; false if there is none. */
  boolean update(Silence silence);

  /** Deletes the silences that expired before {@code before}; returns how many. */
  int purgeExpired(Instant before);
}
