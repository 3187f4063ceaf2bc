package io.kubeward.cluster.domain;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The apiserver's own health: the checks of {@code GET /readyz?verbose} and the answer of {@code
 * GET /livez}. {@code error} says why they could not be fetched (then the lists are empty).
 */
public record ControlPlaneHealth(
    List<Check> readyz, @Nullable String livez, @Nullable String error) {

  /** One line of {@code /readyz?verbose}, e.g. {@code [+]etcd ok}. */
  public record Check(String check, boolean ok) {}

  public static ControlPlaneHealth unavailable(String error) {
    return new ControlPlaneHealth(List.of(), null, error);
  }

  /**
   * Parses the body of {@code /readyz?verbose} ({@code [+]name ok} / {@code [-]name failed...}).
   */
  public static List<Check> parseVerbose(String body) {
    List<Check> checks = new ArrayList<>();
    if (body == null) {
      return checks;
    }
    for (String line : body.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.startsWith("[+]") || trimmed.startsWith("[-]")) {
        String rest = trimmed.substring(3);
        int space = rest.indexOf(' ');
        String name = space < 0 ? rest : rest.substring(0, space);
        checks.add(new Check(name, trimmed.startsWith("[+]")));
      }
    }
    return List.copyOf(checks);
  }
}
