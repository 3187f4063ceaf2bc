package io.kubeward.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * House style: {@code domain} is pure (JDK, fabric8 model types, other domain code) and {@code app}
 * depends on ports, not on the client, the adapters or a framework. Checked on the sources'
 * imports, so it needs no extra tool.
 */
class LayeringTest {

  private static final Path SOURCES = Path.of("src/main/java/io/kubeward");
  private static final Pattern IMPORT = Pattern.compile("^import (static )?([\\w.]+)");

  @Test
  void domainImportsOnlyTheJdkModelTypesAndDomainCode() {
    assertThat(importsOf("domain"))
        .allMatch(
            i ->
                i.startsWith("java.")
                    || i.startsWith("io.fabric8.kubernetes.api.model.")
                    || i.matches("io\\.kubeward\\.\\w+\\.domain\\..*")
                    || i.startsWith("io.kubeward.common."),
            "a JDK, fabric8 model, domain or common import");
  }

  @Test
  void applicationLayerDependsOnPortsNotOnAdaptersClientsOrFrameworks() {
    assertThat(importsOf("app"))
        .noneMatch(i -> i.startsWith("io.fabric8.kubernetes.client"))
        .noneMatch(i -> i.matches("io\\.kubeward\\.\\w+\\.kube\\..*"))
        .noneMatch(i -> i.startsWith("org.springframework"))
        .noneMatch(i -> i.startsWith("jakarta."));
  }

  private static List<String> importsOf(String layer) {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      List<Path> sources =
          files
              .filter(p -> p.toString().endsWith(".java"))
              .filter(p -> p.getParent().getFileName().toString().equals(layer))
              .toList();
      assertThat(sources).as("sources of the %s layer", layer).isNotEmpty();
      return sources.stream().flatMap(LayeringTest::importLines).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Stream<String> importLines(Path file) {
    try {
      return Files.readAllLines(file).stream()
          .map(IMPORT::matcher)
          .filter(java.util.regex.Matcher::find)
          .map(m -> m.group(2));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
