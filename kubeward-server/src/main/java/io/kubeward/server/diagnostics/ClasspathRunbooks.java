package io.kubeward.server.diagnostics;

import io.kubeward.diagnostics.app.RunbookSource;
import io.kubeward.diagnostics.domain.RuleId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The runbooks shipped in the server jar: {@code docs/runbooks/<rule-id>.md}, copied by the build
 * to {@code io/kubeward/runbooks/} (server pom). Read once per rule, then kept.
 */
final class ClasspathRunbooks implements RunbookSource {

  private final Map<RuleId, Optional<String>> cache = new ConcurrentHashMap<>();

  @Override
  public Optional<String> markdown(RuleId rule) {
    return cache.computeIfAbsent(rule, ClasspathRunbooks::read);
  }

  private static Optional<String> read(RuleId rule) {
    String path = "/io/kubeward/runbooks/" + rule.value() + ".md";
    try (InputStream in = ClasspathRunbooks.class.getResourceAsStream(path)) {
      return in == null
          ? Optional.empty()
          : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
