package io.kubeward.cluster.kube;

import io.fabric8.kubernetes.api.model.AuthInfo;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import io.kubeward.cluster.app.ClusterFactory;
import io.kubeward.cluster.app.ClusterRequestException;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.domain.ClientSettings;
import io.kubeward.cluster.domain.ProbeSettings;
import java.time.Clock;

/** Connects clusters added at runtime from their kubeconfig text. */
public final class KubeClusterFactory implements ClusterFactory {

  private final ClientSettings client;
  private final ProbeSettings probe;
  private final java.time.Duration accessCheckInterval;
  private final Clock clock;

  public KubeClusterFactory(ClientSettings client, ProbeSettings probe, Clock clock) {
    this(client, probe, KubeCluster.DEFAULT_ACCESS_CHECK_INTERVAL, clock);
  }

  /**
   * @param accessCheckInterval how often each cluster checks whether Kubeward may impersonate
   */
  public KubeClusterFactory(
      ClientSettings client,
      ProbeSettings probe,
      java.time.Duration accessCheckInterval,
      Clock clock) {
    this.client = client;
    this.probe = probe;
    this.accessCheckInterval = accessCheckInterval;
    this.clock = clock;
  }

  @Override
  public ManagedCluster connect(String name, String kubeconfig, String context) {
    String unsafe = unsafeReference(kubeconfig);
    if (unsafe != null) {
      throw ClusterRequestException.invalidKubeconfig(name, unsafe);
    }
    ClusterConnection connection;
    try {
      connection =
          ClusterConnection.resolve(
              name, new ClusterSource.KubeconfigText(kubeconfig, context), client);
    } catch (ClusterConfigurationException e) {
      throw ClusterRequestException.invalidKubeconfig(name, e.getMessage());
    }
    return KubeCluster.start(
        connection, ManagedCluster.Source.ADDED, probe, accessCheckInterval, clock);
  }

  /**
   * Why a kubeconfig given through the API may not be used, or {@code null}: it must carry its
   * credentials inline. File references would let it read files of Kubeward's host, and {@code
   * exec} or {@code auth-provider} plugins would run programs there.
   */
  static String unsafeReference(String kubeconfig) {
    io.fabric8.kubernetes.api.model.Config config;
    try {
      config = KubeConfigUtils.parseConfigFromString(kubeconfig);
    } catch (RuntimeException e) {
      return "not a kubeconfig: " + Failures.describe(e);
    }
    if (config == null) {
      return "not a kubeconfig";
    }
    if (config.getClusters() != null) {
      for (NamedCluster cluster : config.getClusters()) {
        if (cluster.getCluster() != null
            && cluster.getCluster().getCertificateAuthority() != null) {
          return "cluster "
              + cluster.getName()
              + " refers to a file (certificate-authority);"
              + " use certificate-authority-data";
        }
      }
    }
    if (config.getUsers() != null) {
      for (NamedAuthInfo user : config.getUsers()) {
        AuthInfo auth = user.getUser();
        if (auth == null) {
          continue;
        }
        if (auth.getExec() != null || auth.getAuthProvider() != null) {
          return "user "
              + user.getName()
              + " runs a credential plugin (exec/auth-provider);"
              + " use a token or client certificate data";
        }
        if (auth.getClientCertificate() != null
            || auth.getClientKey() != null
            || auth.getTokenFile() != null) {
          return "user " + user.getName() + " refers to a file; use the *-data fields or a token";
        }
      }
    }
    return null;
  }
}
