package io.kubeward.logs.app;

import io.kubeward.access.app.Caller;
import io.kubeward.logs.domain.LogOptions;
import java.io.InputStream;

/**
 * Port: one container's log from the apiserver ({@code GET .../pods/{pod}/log}), requested with the
 * caller's identity so that the cluster's RBAC ({@code get pods/log}) decides.
 */
public interface PodLogs {

  /**
   * Sends the request and waits for the answer's head; the body is the log as the apiserver sends
   * it (still streaming when following). The caller closes it.
   *
   * @throws io.kubeward.common.KubewardException the apiserver's refusal translated once ({@code
   *     resource.forbidden}, {@code resource.not-found}, {@code logs.container-not-found}, {@code
   *     logs.container-required}, {@code logs.previous-absent}, ...)
   */
  InputStream open(Caller caller, String cluster, String namespace, String pod, LogOptions options);
}
