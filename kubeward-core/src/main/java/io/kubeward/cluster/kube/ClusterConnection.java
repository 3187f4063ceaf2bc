package io.kubeward.cluster.kube;

import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.kubeward.cluster.domain.ClientSettings;
import io.kubeward.common.Names;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The resolved connection settings of one named cluster, and the factory of its fabric8 clients.
 * Resolution fails fast with a {@link ClusterConfigurationException} (a missing kubeconfig, an
 * unknown context); an apiserver that does not answer is not a configuration error and is left to
 * the probe.
 */
public final class ClusterConnection {

  static final Path SERVICE_ACCOUNT_TOKEN =
      Path.of("/var/run/secrets/kubernetes.io/serviceaccount/token");

  private final String name;
  private final Config config;

  private ClusterConnection(String name, Config config) {
    this.name = name;
    this.config = config;
  }

  /**
   * Resolves a source.
   *
   * @param name the cluster's name in Kubeward; {@code null} to derive it from the context (or
   *     {@code in-cluster})
   */
  public static ClusterConnection resolve(
      String name, ClusterSource source, ClientSettings client) {
    Config config =
        switch (source) {
          case ClusterSource.KubeconfigFile file -> fromFile(file);
          case ClusterSource.InCluster inCluster -> inCluster();
          case ClusterSource.DefaultKubeconfig defaults -> fromDefaults(defaults);
          case ClusterSource.KubeconfigText text -> fromText(text);
        };
    String resolvedName = name != null && !name.isBlank() ? name : defaultName(source, config);
    if (!Names.isClusterName(resolvedName)) {
      throw new ClusterConfigurationException(
          "cluster name '"
              + resolvedName
              + "' must start with a letter or digit and contain only letters, digits and . _ @ : -");
    }
    return new ClusterConnection(resolvedName, tune(config, client));
  }

  /** Whether this process runs in a pod with a service account token. */
  public static boolean runningInCluster() {
    return System.getenv("KUBERNETES_SERVICE_HOST") != null
        && Files.isRegularFile(SERVICE_ACCOUNT_TOKEN);
  }

  private static Config fromFile(ClusterSource.KubeconfigFile source) {
    Path file = source.file();
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new ClusterConfigurationException(
          "kubeconfig file " + file.toAbsolutePath() + " does not exist or cannot be read");
    }
    Config config;
    try {
      config = Config.fromKubeconfig(source.context(), file.toFile());
    } catch (RuntimeException e) {
      throw new ClusterConfigurationException(
          "kubeconfig file " + file.toAbsolutePath() + " cannot be used: " + e.getMessage(), e);
    }
    checkContext(config, source.context(), file.toString());
    return config;
  }

  private static Config fromText(ClusterSource.KubeconfigText source) {
    Config config;
    try {
      config = Config.fromKubeconfig(source.context(), source.kubeconfig(), null);
    } catch (RuntimeException e) {
      throw new ClusterConfigurationException(
          "the kubeconfig cannot be used: " + Failures.describe(e), e);
    }
    checkContext(config, source.context(), "(given)");
    if (config.getCurrentContext() == null) {
      // without one fabric8 falls back to in-cluster defaults (https://kubernetes.default.svc)
      throw new ClusterConfigurationException("the kubeconfig names no (current) context");
    }
    if (config.getMasterUrl() == null || config.getMasterUrl().isBlank()) {
      throw new ClusterConfigurationException("the kubeconfig names no server");
    }
    return config;
  }

  private static Config inCluster() {
    if (!runningInCluster()) {
      throw new ClusterConfigurationException(
          "not running in a pod: KUBERNETES_SERVICE_HOST is unset or "
              + SERVICE_ACCOUNT_TOKEN
              + " is missing");
    }
    // With no kubeconfig file present fabric8 configures itself from the service account, and
    // re-reads the (rotated) token when the apiserver answers 401.
    return Config.autoConfigure(null);
  }

  private static Config fromDefaults(ClusterSource.DefaultKubeconfig source) {
    List<File> existing =
        Config.getKubeconfigFilenames().stream().map(File::new).filter(File::isFile).toList();
    if (existing.isEmpty()) {
      throw new ClusterConfigurationException(
          "no kubeconfig found (looked at "
              + String.join(File.pathSeparator, Config.getKubeconfigFilenames())
              + ") and not running in a pod; pass --kubeconfig <file>");
    }
    Config config = Config.autoConfigure(source.context());
    checkContext(config, source.context(), existing.toString());
    return config;
  }

  private static void checkContext(Config config, String context, String where) {
    if (context != null
        && (config.getCurrentContext() == null
            || !context.equals(config.getCurrentContext().getName()))) {
      throw new ClusterConfigurationException(
          "context '" + context + "' not found in kubeconfig " + where);
    }
  }

  private static String defaultName(ClusterSource source, Config config) {
    if (source instanceof ClusterSource.InCluster) {
      return "in-cluster";
    }
    NamedContext current = config.getCurrentContext();
    return current != null && current.getName() != null ? current.getName() : "default";
  }

  private static Config tune(Config config, ClientSettings client) {
    return new ConfigBuilder(config)
        .withMaxConcurrentRequests(client.maxConcurrentRequests())
        .withMaxConcurrentRequestsPerHost(client.maxConcurrentRequestsPerHost())
        .withRequestTimeout(millis(client.requestTimeout()))
        .withWatchReconnectInterval(millis(client.watchReconnectInterval()))
        // Informers and the probe own their retries; an unbounded watch reconnect is fabric8's
        // default
        // for informers and is kept.
        .withWatchReconnectLimit(-1)
        .build();
  }

  private static int millis(Duration duration) {
    return Math.toIntExact(duration.toMillis());
  }

  public String name() {
    return name;
  }

  /** The apiserver URL (for logs and messages; never the credentials). */
  public String serverUrl() {
    return Objects.requireNonNullElse(config.getMasterUrl(), "?");
  }

  /** A client for writes and for objects read in full. The caller closes it. */
  public KubernetesClient newClient() {
    return clientBuilder(config).build();
  }

  /**
   * A client for the shared cache's informers: it never parses {@code managedFields} ({@link
   * LeanSerialization}), so objects it reads must not be written back. The caller closes it.
   */
  public KubernetesClient newCacheClient() {
    return clientBuilder(config).withKubernetesSerialization(LeanSerialization.create()).build();
  }

  /**
   * A client for the reachability probe: its own connections, no request retries (a probe must see
   * a failure as it happens) and the probe's timeout as connect and request timeout.
   */
  public KubernetesClient newProbeClient(Duration timeout) {
    Config probe =
        new ConfigBuilder(config)
            .withRequestRetryBackoffLimit(0)
            .withConnectionTimeout(millis(timeout))
            .withRequestTimeout(millis(timeout))
            .build();
    return clientBuilder(probe).build();
  }

  /** Every client of a cluster: fabric8's Vert.x client, reads resent on a closed connection. */
  static KubernetesClientBuilder clientBuilder(Config config) {
    return new KubernetesClientBuilder()
        .withConfig(config)
        .withHttpClientFactory(new ReconnectingHttpClientFactory());
  }
}
