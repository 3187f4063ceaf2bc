package io.kubeward.exec.kube;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.WebSocketHandshakeException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.kubeward.cluster.kube.KubeErrors;
import io.kubeward.common.KubewardException;
import java.util.function.Supplier;

/**
 * The apiserver's refusal of a WebSocket upgrade ({@code pods/exec}, {@code pods/portforward}) as
 * the status it answered with: fabric8 reports it as a client exception without a code whose cause
 * holds the HTTP answer (Vert.x's {@code UpgradeRejectedException} with the body, read by its
 * accessors since Vert.x is only on the runtime class path, or fabric8's {@link
 * WebSocketHandshakeException} with the code only), which {@link KubeErrors} would take for an
 * unreachable cluster. Translated once, by {@link KubeErrors}, from the recovered status.
 */
final class UpgradeRefusals {

  private UpgradeRefusals() {}

  static <T> T call(String cluster, Supplier<T> request) {
    try {
      return request.get();
    } catch (KubernetesClientException e) {
      throw translate(cluster, e);
    }
  }

  static KubewardException translate(String cluster, KubernetesClientException e) {
    if (e.getCode() < 400) {
      for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
        Status rejected = rejected(t);
        if (rejected != null) {
          return KubeErrors.translate(cluster, exception(rejected));
        }
      }
      for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
        if (t instanceof WebSocketHandshakeException handshake && handshake.getResponse() != null) {
          int code = handshake.getResponse().code();
          return KubeErrors.translate(
              cluster,
              exception(
                  new StatusBuilder()
                      .withCode(code)
                      .withMessage("the apiserver refused the upgrade with HTTP " + code)
                      .build()));
        }
      }
    }
    return KubeErrors.translate(cluster, e);
  }

  private static KubernetesClientException exception(Status status) {
    return new KubernetesClientException(status.getMessage(), status.getCode(), status);
  }

  /** Vert.x's refusal of an upgrade as a status, or {@code null} for any other throwable. */
  private static Status rejected(Throwable t) {
    if (!"io.vertx.core.http.UpgradeRejectedException".equals(t.getClass().getName())) {
      return null;
    }
    int code;
    String body;
    try {
      code = (Integer) t.getClass().getMethod("getStatus").invoke(t);
      Object buffer = t.getClass().getMethod("getBody").invoke(t);
      body = buffer == null ? "" : buffer.toString();
    } catch (ReflectiveOperationException | ClassCastException e) {
      return null;
    }
    try {
      Status status = Serialization.unmarshal(body, Status.class);
      if (status != null && status.getCode() != null) {
        return status;
      }
    } catch (RuntimeException notAStatus) {
      // a body that is not a Status (a proxy's page): the code is what counts
    }
    String text = body.isBlank() ? "HTTP " + code : body.strip();
    return new StatusBuilder()
        .withCode(code)
        .withMessage(text.length() > 500 ? text.substring(0, 500) : text)
        .build();
  }
}
