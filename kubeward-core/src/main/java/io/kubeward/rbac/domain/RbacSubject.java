package io.kubeward.rbac.domain;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Who a binding grants to: a {@code User}, a {@code Group} or a {@code ServiceAccount} (which has a
 * namespace). A service account is also the user {@code system:serviceaccount:<ns>:<name>}.
 */
public record RbacSubject(Kind kind, String name, @Nullable String namespace) {

  public enum Kind {
    USER("User"),
    GROUP("Group"),
    SERVICE_ACCOUNT("ServiceAccount");

    private final String kubeName;

    Kind(String kubeName) {
      this.kubeName = kubeName;
    }

    /** The name Kubernetes gives the kind in a binding's subjects. */
    public String kubeName() {
      return kubeName;
    }

    /**
     * The kind of a binding subject's {@code kind}; {@code null} if Kubernetes has no such kind.
     */
    public static Kind fromKube(String kind) {
      for (Kind k : values()) {
        if (k.kubeName.equals(kind)) {
          return k;
        }
      }
      return null;
    }
  }

  public RbacSubject {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    namespace = kind == Kind.SERVICE_ACCOUNT ? namespace : null;
  }

  public static RbacSubject user(String name) {
    return new RbacSubject(Kind.USER, name, null);
  }

  public static RbacSubject group(String name) {
    return new RbacSubject(Kind.GROUP, name, null);
  }

  public static RbacSubject serviceAccount(String namespace, String name) {
    return new RbacSubject(Kind.SERVICE_ACCOUNT, name, namespace);
  }

  /** The user name Kubernetes authenticates this subject as; {@code null} for a group. */
  public String userName() {
    return switch (kind) {
      case USER -> name;
      case GROUP -> null;
      case SERVICE_ACCOUNT -> "system:serviceaccount:" + namespace + ":" + name;
    };
  }

  /** Subjects whose names Kubernetes reserves ({@code system:...}): its own components. */
  public boolean system() {
    return name.startsWith("system:")
        || kind == Kind.SERVICE_ACCOUNT && "kube-system".equals(namespace);
  }
}
