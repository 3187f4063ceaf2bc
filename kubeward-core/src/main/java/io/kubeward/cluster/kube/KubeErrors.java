package io.kubeward.cluster.kube;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.StatusDetails;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubeward.cluster.app.ClusterApiException;
import io.kubeward.cluster.app.ClusterUnreachableException;
import io.kubeward.common.KubewardException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one translation of fabric8 {@link KubernetesClientException}s into {@link
 * KubewardException}s, used by every adapter: no answer → {@link ClusterUnreachableException};
 * 401/403 → {@code resource.forbidden} with the apiserver's reason (which names the missing
 * permission); 404 → {@code resource.not-found}; 409 → {@code resource.conflict} with the
 * conflicting field managers; 400 → {@code resource.invalid}; 422 → {@code resource.rejected} with
 * the causes; 410 → {@code resource.expired}; 429 and 5xx → {@code cluster.busy} with a retry
 * delay. Adapters that know better (a node that does not exist, a maintenance that exists already)
 * check {@link KubernetesClientException#getCode()} first and fall back to this.
 */
public final class KubeErrors {

  /** Retry delay when the apiserver names none. */
  static final long DEFAULT_RETRY_AFTER_SECONDS = 5;

  private static final Pattern MANAGER = Pattern.compile("conflict with \"([^\"]+)\"");
  private static final int MAX_REASON = 2_000;

  private KubeErrors() {}

  /** Runs one request against {@code cluster}; a client failure leaves translated. */
  public static <T> T call(String cluster, Supplier<T> request) {
    try {
      return request.get();
    } catch (KubernetesClientException e) {
      throw translate(cluster, e);
    }
  }

  /** As {@link #call} for a request without a result. */
  public static void run(String cluster, Runnable request) {
    call(
        cluster,
        () -> {
          request.run();
          return null;
        });
  }

  public static KubewardException translate(String cluster, KubernetesClientException e) {
    int code = e.getCode();
    String reason = message(e);
    if (code == 0 || (code < 400 && isConnectionFailure(e))) {
      return new ClusterUnreachableException(cluster, Instant.now(), Failures.describe(e));
    }
    if (code == 500 && isMalformedObject(reason)) {
      // server-side apply reports fields of the wrong type (a Lease's renewTime "yesterday") as a
      // 500: it is the object's fault, not the cluster's
      return ClusterApiException.invalid(cluster, reason);
    }
    return switch (code) {
      case 401, 403 -> ClusterApiException.forbidden(cluster, reason);
      case 404 -> notFound(cluster, e.getStatus());
      case 409 -> ClusterApiException.conflict(cluster, reason, managers(e.getStatus(), reason));
      case 410 -> ClusterApiException.expired(cluster, reason);
      case 422 -> ClusterApiException.rejected(cluster, reason, causes(e.getStatus()));
      case 429 -> ClusterApiException.busy(cluster, code, reason, retryAfter(e.getStatus()));
      default ->
          code >= 500
              ? ClusterApiException.busy(cluster, code, reason, retryAfter(e.getStatus()))
              : ClusterApiException.invalid(cluster, reason);
    };
  }

  /** The apiserver's message, with the causes it does not already contain; one line, bounded. */
  public static String message(KubernetesClientException e) {
    Status status = e.getStatus();
    String text;
    if (status == null || status.getMessage() == null || status.getMessage().isBlank()) {
      text = Failures.describe(e);
    } else {
      StringBuilder builder = new StringBuilder(status.getMessage());
      if (status.getDetails() != null && status.getDetails().getCauses() != null) {
        for (StatusCause cause : status.getDetails().getCauses()) {
          if (cause.getMessage() != null && !status.getMessage().contains(cause.getMessage())) {
            builder.append(" (").append(cause.getMessage()).append(')');
          }
        }
      }
      text = builder.toString();
    }
    text = text.replaceAll("\\s+", " ").strip();
    return text.length() > MAX_REASON ? text.substring(0, MAX_REASON) + "…" : text;
  }

  private static boolean isMalformedObject(String reason) {
    return reason.contains("failed to create typed patch object")
        || reason.contains("failed to convert new object")
        || reason.contains("unable to convert unstructured object");
  }

  private static ClusterApiException notFound(String cluster, Status status) {
    StatusDetails details = status == null ? null : status.getDetails();
    String kind = details == null || details.getKind() == null ? "-" : details.getKind();
    String name = details == null || details.getName() == null ? "-" : details.getName();
    return ClusterApiException.notFound(cluster, kind, null, name);
  }

  private static List<ClusterApiException.Cause> causes(Status status) {
    List<ClusterApiException.Cause> causes = new ArrayList<>();
    if (status != null && status.getDetails() != null && status.getDetails().getCauses() != null) {
      for (StatusCause cause : status.getDetails().getCauses()) {
        causes.add(
            new ClusterApiException.Cause(
                orDash(cause.getField()), orDash(cause.getReason()), orDash(cause.getMessage())));
        if (causes.size() == 50) {
          break;
        }
      }
    }
    return causes;
  }

  private static List<String> managers(Status status, String message) {
    Set<String> managers = new LinkedHashSet<>();
    List<String> texts = new ArrayList<>();
    texts.add(message);
    if (status != null && status.getDetails() != null && status.getDetails().getCauses() != null) {
      for (StatusCause cause : status.getDetails().getCauses()) {
        texts.add(cause.getMessage());
      }
    }
    for (String text : texts) {
      if (text == null) {
        continue;
      }
      Matcher matcher = MANAGER.matcher(text);
      while (matcher.find()) {
        managers.add(matcher.group(1));
      }
    }
    return List.copyOf(managers);
  }

  private static long retryAfter(Status status) {
    Integer seconds =
        status == null || status.getDetails() == null
            ? null
            : status.getDetails().getRetryAfterSeconds();
    return seconds == null || seconds < 1 ? DEFAULT_RETRY_AFTER_SECONDS : Math.min(seconds, 300);
  }

  private static boolean isConnectionFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  private static String orDash(String value) {
    return value == null || value.isBlank() ? "-" : value;
  }
}
