package io.kubeward.server.metrics;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The management port's default (ADR 0017): {@value #DEFAULT_PORT}, or any free port when {@code
 * server.port} is 0 (tests and embedded servers start many Kubewards on one machine; a fixed
 * default would make the second one fail). A configured {@code management.server.port} wins; find a
 * random one as {@code local.management.port} or in the log.
 */
public class ManagementPortDefaults implements EnvironmentPostProcessor, Ordered {

  static final int DEFAULT_PORT = 9464;
  static final String MANAGEMENT_PORT = "management.server.port";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (environment.containsProperty(MANAGEMENT_PORT)) {
      return;
    }
    String serverPort = environment.getProperty("server.port", "8080").strip();
    int port = serverPort.equals("0") ? 0 : DEFAULT_PORT;
    environment
        .getPropertySources()
        .addLast(new MapPropertySource("kubewardManagementPort", Map.of(MANAGEMENT_PORT, port)));
  }

  /** After the configuration files are read (their {@code server.port} counts). */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
