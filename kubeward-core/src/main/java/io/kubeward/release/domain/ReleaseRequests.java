package io.kubeward.release.domain;

import java.util.Map;
import java.util.Optional;

/**
 * Requests to a running Release from people (REST, CLI, console, or {@code kubectl annotate}): an
 * annotation {@code kubeward.io/<request>} whose value is a unique token. The controller acts on a
 * token once and records it in {@code status.handled}, so a request is never acted on twice, even
 * across restarts. {@code promote} with a token ending in {@value #FULL_SUFFIX} skips all steps.
 */
public final class ReleaseRequests {

  public static final String PROMOTE = "promote";
  public static final String ABORT = "abort";
  public static final String RETRY = "retry";

  public static final String PREFIX = "kubeward.io/";

  public static final String FULL_SUFFIX = ":full";

  private ReleaseRequests() {}

  public static String annotation(String request) {
    return PREFIX + request;
  }

  /** The token of a pending (not yet handled) request, if any. */
  public static Optional<String> pending(ReleaseObject release, String request) {
    String token = release.annotations().get(annotation(request));
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    Map<String, String> handled = release.status().handled();
    return token.equals(handled.get(request)) ? Optional.empty() : Optional.of(token);
  }

  public static boolean full(String token) {
    return token.endsWith(FULL_SUFFIX);
  }
}
