package io.kubeward.release.domain.analysis;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the template variables of a check's query: {@code {{namespace}}}, {@code {{release}}},
 * {@code {{canaryPods}}} and {@code {{stablePods}}}. The pod variables are regexes of the pods'
 * names for {@code pod=~"..."}: the names sorted, joined by {@code |}, every character but letters,
 * digits and {@code -} escaped for the regex and for PromQL's double-quoted string; no pods gives
 * {@value #NO_PODS}, which no pod name matches (a pod name has no {@code :}), so the query answers
 * nothing and the measurement is inconclusive.
 */
public final class PromqlTemplate {

  public static final Set<String> VARIABLES =
      Set.of("namespace", "release", "canaryPods", "stablePods");

  static final String NO_PODS = "kubeward:no-pods";

  private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([a-zA-Z]+)\\s*}}");

  private PromqlTemplate() {}

  /** The query with its variables filled. */
  public static String render(
      String query,
      String namespace,
      String release,
      List<String> canaryPods,
      List<String> stablePods) {
    Map<String, String> values =
        Map.of(
            "namespace", literal(namespace),
            "release", literal(release),
            "canaryPods", podRegex(canaryPods),
            "stablePods", podRegex(stablePods));
    Matcher m = VARIABLE.matcher(query);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** A regex matching exactly these names, written for a PromQL double-quoted string. */
  public static String podRegex(List<String> names) {
    if (names.isEmpty()) {
      return NO_PODS;
    }
    StringBuilder regex = new StringBuilder();
    for (String name : new TreeSet<>(names)) {
      if (!regex.isEmpty()) {
        regex.append('|');
      }
      for (char c : name.toCharArray()) {
        if ((c >= 'a' && c <= 'z')
            || (c >= 'A' && c <= 'Z')
            || (c >= '0' && c <= '9')
            || c == '-') {
          regex.append(c);
        } else {
          // "\\." in PromQL's string is the regex \. : the character itself
          regex.append("\\\\").append(c == '"' ? "\\\"" : String.valueOf(c));
        }
      }
    }
    return regex.toString();
  }

  private static String literal(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
