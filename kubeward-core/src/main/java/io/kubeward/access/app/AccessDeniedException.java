package io.kubeward.access.app;

import io.kubeward.access.domain.Verb;
import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The caller's roles do not allow the action; nothing was changed. */
public final class AccessDeniedException extends KubewardException {

  public static final String CODE = "access.denied";

  public AccessDeniedException(String username, Verb verb, String cluster, String namespace) {
    super(
        CODE,
        ErrorKind.FORBIDDEN,
        username + " may not " + verb + " in cluster " + cluster + ", namespace " + namespace,
        properties(username, verb, cluster, namespace));
  }

  private static Map<String, Object> properties(
      String username, Verb verb, String cluster, String namespace) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("user", username);
    properties.put("verb", verb.name().toLowerCase(java.util.Locale.ROOT));
    properties.put("cluster", cluster);
    properties.put("namespace", Objects.requireNonNullElse(namespace, "-"));
    return properties;
  }
}
