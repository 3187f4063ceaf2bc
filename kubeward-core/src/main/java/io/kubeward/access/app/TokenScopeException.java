package io.kubeward.access.app;

import io.kubeward.access.domain.Verb;
import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The caller's roles may allow the action, but the API token it used does not (read-only, limited
 * to other namespaces, or without the right to make tokens); nothing was changed.
 */
public final class TokenScopeException extends KubewardException {

  public static final String CODE = "access.token-scope";

  public TokenScopeException(String username, String action, String cluster, String namespace) {
    super(
        CODE,
        ErrorKind.FORBIDDEN,
        "The API token of "
            + username
            + " does not allow "
            + action
            + " in cluster "
            + cluster
            + ", namespace "
            + namespace,
        properties(username, action, cluster, namespace));
  }

  public TokenScopeException(String username, Verb verb, String cluster, String namespace) {
    this(username, verb.name().toLowerCase(Locale.ROOT), cluster, namespace);
  }

  private static Map<String, Object> properties(
      String username, String action, String cluster, String namespace) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("user", username);
    properties.put("action", action);
    properties.put("cluster", Objects.requireNonNullElse(cluster, "-"));
    properties.put("namespace", Objects.requireNonNullElse(namespace, "-"));
    return properties;
  }
}
