package io.kubeward.logs.kube;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.kubeward.access.app.Caller;
import io.kubeward.cluster.app.ClusterApiException;
import io.kubeward.cluster.app.ClusterUnreachableException;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.cluster.kube.KubeErrors;
import io.kubeward.common.KubewardException;
import io.kubeward.logs.app.PodLogs;
import io.kubeward.logs.domain.LogOptions;
import io.kubeward.logs.domain.LogRequestException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link PodLogs} over the apiserver's {@code pods/log} subresource, with the client {@link
 * ClusterClients#forCaller} gives (the caller impersonated). The request is sent as a streaming
 * HTTP GET on that client's own HTTP client, so the body arrives line by line while following and
 * the apiserver's refusals come back as its {@code Status}, translated once: the log-specific 400s
 * (container not valid, container name needed, previous container absent) into {@link
 * LogRequestException}s, everything else through {@link KubeErrors}.
 */
public final class KubePodLogs implements PodLogs {

  private static final Pattern CHOOSE =
      Pattern.compile("choose one of: \\[([^\\]]*)\\]", Pattern.CASE_INSENSITIVE);

  private final ClusterClients clients;
  private final Duration headTimeout;

  /**
   * @param headTimeout how long to wait for the answer's head (not the body)
   */
  public KubePodLogs(ClusterClients clients, Duration headTimeout) {
    this.clients = clients;
    this.headTimeout = headTimeout;
  }

  @Override
  public InputStream open(
      Caller caller, String cluster, String namespace, String pod, LogOptions options) {
    KubernetesClient client = clients.forCaller(caller, cluster, ClusterClients.Intent.READ);
    String url = url(client.getMasterUrl().toString(), namespace, pod, options);
    HttpRequest request =
        client.getHttpClient().newHttpRequestBuilder().uri(url).forStreaming().build();
    HttpResponse<InputStream> response;
    try {
      response = send(client, request);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClusterUnreachableException(cluster, Instant.now(), "interrupted");
    } catch (TimeoutException e) {
      throw new ClusterUnreachableException(
          cluster, Instant.now(), "no answer to the log request within " + headTimeout);
    } catch (ExecutionException | CompletionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw KubeErrors.translate(cluster, new KubernetesClientException(cause.getMessage(), cause));
    }
    if (response.isSuccessful()) {
      return response.body();
    }
    throw refusal(cluster, namespace, pod, options, response);
  }

  /**
   * Sends the request, once more if a pooled connection turned out closed before any answer (the
   * server dropped an idle keep-alive connection just as it was reused): nothing was read then.
   */
  private HttpResponse<InputStream> send(KubernetesClient client, HttpRequest request)
      throws InterruptedException, ExecutionException, TimeoutException {
    try {
      return client
          .getHttpClient()
          .sendAsync(request, InputStream.class)
          .get(headTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (!closedBeforeAnswer(e)) {
        throw e;
      }
      return client
          .getHttpClient()
          .sendAsync(request, InputStream.class)
          .get(headTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private static boolean closedBeforeAnswer(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getClass().getSimpleName().equals("HttpClosedException")) {
        return true;
      }
    }
    return false;
  }

  /** The request's URL: {@code /api/v1/namespaces/{ns}/pods/{pod}/log?...}. */
  static String url(String master, String namespace, String pod, LogOptions options) {
    StringBuilder url = new StringBuilder(master);
    if (url.charAt(url.length() - 1) == '/') {
      url.setLength(url.length() - 1);
    }
    url.append("/api/v1/namespaces/")
        .append(namespace)
        .append("/pods/")
        .append(pod)
        .append("/log?");
    StringBuilder q = new StringBuilder();
    if (options.container() != null) {
      param(q, "container", options.container());
    }
    if (options.follow()) {
      param(q, "follow", "true");
    }
    if (options.previous()) {
      param(q, "previous", "true");
    }
    if (options.timestamps()) {
      param(q, "timestamps", "true");
    }
    if (options.sinceSeconds() != null) {
      param(q, "sinceSeconds", options.sinceSeconds().toString());
    }
    if (options.sinceTime() != null) {
      param(q, "sinceTime", options.sinceTime().toString());
    }
    if (options.tailLines() != null) {
      param(q, "tailLines", options.tailLines().toString());
    }
    param(q, "limitBytes", Long.toString(options.limitBytes()));
    return url.append(q).toString();
  }

  private static void param(StringBuilder q, String name, String value) {
    if (!q.isEmpty()) {
      q.append('&');
    }
    q.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
  }

  private static KubewardException refusal(
      String cluster,
      String namespace,
      String pod,
      LogOptions options,
      HttpResponse<InputStream> response) {
    String body;
    try (InputStream in = response.body()) {
      body = in == null ? "" : new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
    } catch (IOException e) {
      body = "";
    }
    Status status;
    try {
      status = Serialization.unmarshal(body, Status.class);
    } catch (RuntimeException notJson) {
      status = null;
    }
    if (status == null || status.getCode() == null) {
      status =
          new StatusBuilder()
              .withCode(response.code())
              .withMessage(body.isBlank() ? "HTTP " + response.code() : body.strip())
              .build();
    }
    String message = status.getMessage() == null ? "" : status.getMessage();
    if (response.code() == 400) {
      String container = options.container() == null ? "" : options.container();
      if (message.contains("previous terminated container")) {
        return LogRequestException.previousAbsent(pod, container);
      }
      if (message.contains("is not valid for pod")) {
        Matcher m = CHOOSE.matcher(message);
        return LogRequestException.containerNotFound(
            pod, container, m.find() ? m.group(1).replace(' ', ',') : "-");
      }
      if (message.contains("a container name must be specified")) {
        Matcher m = CHOOSE.matcher(message);
        return LogRequestException.containerRequired(
            pod, m.find() ? m.group(1).replace(' ', ',') : "-");
      }
    }
    if (response.code() == 404 && message.contains("pods \"" + pod + "\" not found")) {
      return ClusterApiException.notFound(cluster, "Pod", namespace, pod);
    }
    return KubeErrors.translate(
        cluster, new KubernetesClientException(message, response.code(), status));
  }
}
