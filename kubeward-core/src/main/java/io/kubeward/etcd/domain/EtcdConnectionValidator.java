package io.kubeward.etcd.domain;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks an {@link EtcdConnection} before it is stored, all at once: https endpoints on allowed
 * hosts with a port and nothing else, bounded PEM fields that parse, a key that belongs to the
 * client certificate, a known location and a retention within bounds. The one validator for the
 * API, the CLI and the schedule.
 */
public final class EtcdConnectionValidator {

  private static final Pattern LOCATION = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  private EtcdConnectionValidator() {}

  /**
   * The parsed TLS material of a valid connection.
   *
   * @throws EtcdException {@code etcd.invalid} with every problem found
   */
  public static EtcdTls validate(
      String cluster, EtcdConnection connection, EtcdRules rules, Set<String> locations) {
    List<String> problems = new ArrayList<>();
    endpoints(connection.endpoints(), rules, problems);
    size("ca", connection.caPem(), rules, problems);
    size("cert", connection.certPem(), rules, problems);
    size("key", connection.keyPem(), rules, problems);
    if (!LOCATION.matcher(connection.location()).matches()) {
      problems.add("location: not a location name");
    } else if (!locations.contains(connection.location())) {
      problems.add("location: no storage location " + connection.location());
    }
    if (connection.retain() < 1 || connection.retain() > rules.maxRetain()) {
      problems.add("retain: must be 1–" + rules.maxRetain() + ", was " + connection.retain());
    }
    EtcdTls tls = null;
    if (problems.isEmpty()) {
      try {
        tls = EtcdTls.parse(connection.caPem(), connection.certPem(), connection.keyPem());
      } catch (EtcdTls.InvalidPemException e) {
        problems.add(e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw EtcdException.invalid(cluster, problems);
    }
    return tls;
  }

  private static void endpoints(List<URI> endpoints, EtcdRules rules, List<String> problems) {
    if (endpoints.isEmpty()) {
      problems.add("endpoints: at least one is required");
      return;
    }
    if (endpoints.size() > rules.maxEndpoints()) {
      problems.add("endpoints: at most " + rules.maxEndpoints());
      return;
    }
    Set<URI> seen = new HashSet<>();
    for (URI endpoint : endpoints) {
      String shown = endpoint.toString();
      if (shown.length() > 256) {
        problems.add("endpoints: longer than 256 characters");
      } else if (!"https".equals(endpoint.getScheme())) {
        problems.add("endpoints: " + shown + " must be https:// (client certificates need TLS)");
      } else if (endpoint.getHost() == null || endpoint.getPort() < 1) {
        problems.add(
            "endpoints: " + shown + " needs a host and a port, e.g. https://10.0.0.1:2379");
      } else if (endpoint.getUserInfo() != null
          || endpoint.getQuery() != null
          || endpoint.getFragment() != null
          || !(endpoint.getRawPath() == null
              || endpoint.getRawPath().isEmpty()
              || endpoint.getRawPath().equals("/"))) {
        problems.add("endpoints: " + shown + " may only have a scheme, a host and a port");
      } else if (!rules.hostAllowed(hostOf(endpoint))) {
        problems.add(
            "endpoints: the host "
                + hostOf(endpoint)
                + " is not among kubeward.etcd.allowed-hosts");
      } else if (!seen.add(endpoint)) {
        problems.add("endpoints: " + shown + " is listed twice");
      }
    }
  }

  static String hostOf(URI endpoint) {
    String host = endpoint.getHost();
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  private static void size(String field, String pem, EtcdRules rules, List<String> problems) {
    if (pem == null || pem.isBlank()) {
      problems.add(field + ": is required (PEM)");
    } else if (pem.getBytes(StandardCharsets.UTF_8).length > rules.maxPemBytes()) {
      problems.add(field + ": larger than " + rules.maxPemBytes() + " bytes");
    }
  }
}
