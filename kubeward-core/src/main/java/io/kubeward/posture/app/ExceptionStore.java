package io.kubeward.posture.app;

import io.kubeward.posture.domain.PostureException;
import java.util.List;
import java.util.Optional;

/** Port: the recorded posture exceptions ({@code posture_exceptions}, Flyway V97). */
public interface ExceptionStore {

  /** A cluster's exceptions, expired ones included, newest first, at most {@code limit}. */
  List<PostureException> list(String cluster, int limit);

  Optional<PostureException> find(String cluster, String id);

  void insert(PostureException exception);

  /** Whether an exception was deleted. */
  boolean delete(String cluster, String id);
}
