package io.kubeward.upgrade.domain;

import org.jspecify.annotations.Nullable;

/**
 * What Kubeward could read of one area: the value, or why not ({@code unavailable}: {@link
 * #NOT_VISIBLE} when the caller may not read it, else the cluster's refusal in a sentence).
 */
public record Observed<T>(@Nullable T value, @Nullable String unavailable) {

  public static final String NOT_VISIBLE = "not-visible";

  public static <T> Observed<T> of(T value) {
    return new Observed<>(value, null);
  }

  public static <T> Observed<T> notVisible() {
    return new Observed<>(null, NOT_VISIBLE);
  }

  public static <T> Observed<T> refused(String why) {
    return new Observed<>(null, why);
  }

  public boolean present() {
    return value != null;
  }
}
