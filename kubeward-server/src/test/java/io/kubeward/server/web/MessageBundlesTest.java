package io.kubeward.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The texts users read: every key once per file (a second definition silently replaces the first,
 * with its own argument order), and the same keys in English and 简体中文. Parallel work appends to
 * these files, which is how a duplicate got in once.
 */
class MessageBundlesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "src/main/resources/messages",
        "../kubeward-cli/src/main/resources/io/kubeward/cli/messages"
      })
  void everyKeyIsDefinedOnceAndInBothLanguages(String bundle) throws IOException {
    List<String> english = keys(Path.of(bundle + ".properties"));
    List<String> chinese = keys(Path.of(bundle + "_zh_CN.properties"));

    assertThat(duplicates(english)).as("keys defined twice in %s.properties", bundle).isEmpty();
    assertThat(duplicates(chinese)).as("keys defined twice in %s_zh_CN", bundle).isEmpty();
    assertThat(new TreeSet<>(chinese)).isEqualTo(new TreeSet<>(english));
  }

  private static List<String> duplicates(List<String> keys) {
    Map<String, Long> counts =
        keys.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    return counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
  }

  /** The keys in file order; continuation lines ({@code \} at the end) belong to their key. */
  private static List<String> keys(Path file) throws IOException {
    List<String> keys = new ArrayList<>();
    boolean continued = false;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      boolean startsEntry = !continued;
      continued = line.endsWith("\\");
      String text = line.strip();
      if (!startsEntry || text.isEmpty() || text.startsWith("#") || text.startsWith("!")) {
        continue;
      }
      int end = 0;
      while (end < text.length() && "=: \t".indexOf(text.charAt(end)) < 0) {
        end++;
      }
      keys.add(text.substring(0, end));
    }
    return keys;
  }
}
