package io.kubeward.helm.kube;

import io.fabric8.kubernetes.client.Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * A kubeconfig holding Kubeward's own connection to a cluster (server, CA, and its credential:
 * token, client certificate, or basic credentials), for a helm process. The text exists only in a
 * private folder of the run and is deleted with it. The caller's impersonation ({@code as}, {@code
 * as-groups}) is written into it too, so that every client helm makes acts for the caller.
 */
final class KubeconfigFile {

  private KubeconfigFile() {}

  /** Kubeward's connection, no impersonation. */
  static String render(Config config) {
    return render(config, null, List.of());
  }

  /**
   * @param asUser the user to impersonate ({@code null}: none, Kubeward's own rights)
   * @param asGroups the groups to impersonate with {@code asUser}
   */
  static String render(Config config, String asUser, List<String> asGroups) {
    StringBuilder out = new StringBuilder();
    out.append("apiVersion: v1\nkind: Config\nclusters:\n- name: kubeward\n  cluster:\n");
    out.append("    server: ").append(quoted(config.getMasterUrl())).append('\n');
    String ca = data(config.getCaCertData(), config.getCaCertFile());
    if (ca != null) {
      out.append("    certificate-authority-data: ").append(quoted(ca)).append('\n');
    }
    if (config.isTrustCerts()) {
      out.append("    insecure-skip-tls-verify: true\n");
    }
    if (config.getTlsServerName() != null) {
      out.append("    tls-server-name: ").append(quoted(config.getTlsServerName())).append('\n');
    }
    out.append("users:\n- name: kubeward\n  user:\n");
    String token = token(config);
    String cert = data(config.getClientCertData(), config.getClientCertFile());
    String key = data(config.getClientKeyData(), config.getClientKeyFile());
    boolean any = false;
    if (token != null) {
      out.append("    token: ").append(quoted(token)).append('\n');
      any = true;
    }
    if (cert != null && key != null) {
      out.append("    client-certificate-data: ").append(quoted(cert)).append('\n');
      out.append("    client-key-data: ").append(quoted(key)).append('\n');
      any = true;
    }
    if (config.getUsername() != null && config.getPassword() != null) {
      out.append("    username: ").append(quoted(config.getUsername())).append('\n');
      out.append("    password: ").append(quoted(config.getPassword())).append('\n');
      any = true;
    }
    if (asUser != null) {
      // in the kubeconfig, so that every client helm builds carries it: helm v4.3's --kube-as-*
      // flags do not reach the client of its release storage (found by HelmReleasesIT)
      out.append("    as: ").append(quoted(asUser)).append('\n');
      if (!asGroups.isEmpty()) {
        out.append("    as-groups:\n");
        for (String group : asGroups) {
          out.append("    - ").append(quoted(group)).append('\n');
        }
      }
      any = true;
    }
    if (!any) {
      out.append("    {}\n");
    }
    out.append(
        "contexts:\n- name: kubeward\n  context:\n    cluster: kubeward\n    user: kubeward\n");
    out.append("current-context: kubeward\n");
    return out.toString();
  }

  private static String token(Config config) {
    if (config.getOauthToken() != null && !config.getOauthToken().isBlank()) {
      return config.getOauthToken();
    }
    if (config.getOauthTokenProvider() != null) {
      return config.getOauthTokenProvider().getToken();
    }
    if (config.getAutoOAuthToken() != null && !config.getAutoOAuthToken().isBlank()) {
      return config.getAutoOAuthToken();
    }
    return null;
  }

  /** Base64 data as given, or the file's content encoded. */
  private static String data(String inline, String file) {
    if (inline != null && !inline.isBlank()) {
      return inline.strip();
    }
    if (file != null && !file.isBlank()) {
      try {
        return Base64.getEncoder().encodeToString(Files.readAllBytes(Path.of(file)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
    return null;
  }

  /** A YAML double-quoted scalar (JSON string rules). */
  static String quoted(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
