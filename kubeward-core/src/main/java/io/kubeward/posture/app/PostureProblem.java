package io.kubeward.posture.app;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.util.Map;

/** Problems of the posture feature ({@code problem.posture.*}). */
public final class PostureProblem extends KubewardException {

  public static final String INVALID_EXCEPTION = "posture.invalid-exception";
  public static final String EXCEPTION_NOT_FOUND = "posture.exception-not-found";
  public static final String INVALID_FILTER = "posture.invalid-filter";

  private PostureProblem(String code, ErrorKind kind, String message, Map<String, Object> props) {
    super(code, kind, message, props);
  }

  public static PostureProblem invalidException(String cluster, String problems) {
    return new PostureProblem(
        INVALID_EXCEPTION,
        ErrorKind.INVALID,
        "The posture exception for cluster " + cluster + " is not valid: " + problems,
        props("cluster", cluster, "problems", problems));
  }

  public static PostureProblem exceptionNotFound(String cluster, String id) {
    return new PostureProblem(
        EXCEPTION_NOT_FOUND,
        ErrorKind.NOT_FOUND,
        "Cluster " + cluster + " has no posture exception " + id,
        props("cluster", cluster, "id", id));
  }

  public static PostureProblem invalidFilter(String problem) {
    return new PostureProblem(
        INVALID_FILTER,
        ErrorKind.INVALID,
        "The posture filter is not valid: " + problem,
        props("problem", problem));
  }
}
