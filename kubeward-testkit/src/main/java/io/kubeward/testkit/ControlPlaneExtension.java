package io.kubeward.testkit;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.testkit.controlplane.ControlPlane;
import io.kubeward.testkit.controlplane.ControlPlaneOptions;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * One local control plane per test JVM, started on first use and closed when the test run ends; one
 * fresh namespace per test method. Use it through {@link LocalControlPlane}.
 */
public final class ControlPlaneExtension
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

  /** How long {@code @LocalControlPlane(metrics = true)} waits for the first node metrics. */
  static final Duration METRICS_DEADLINE = Duration.ofSeconds(120);

  private static final ExtensionContext.Namespace STORE =
      ExtensionContext.Namespace.create(ControlPlaneExtension.class);
  private static final String SHARED = "shared-control-plane";
  private static final String NAMESPACE = "test-namespace";

  /** Holds the shared control plane, or the reason it could not start (so it is tried once). */
  static final class Shared implements AutoCloseable {
    private final ControlPlane controlPlane;
    private final KubernetesClient client;
    private final RuntimeException failure;

    Shared() {
      ControlPlane started = null;
      RuntimeException failed = null;
      try {
        started = ControlPlane.start(ControlPlaneOptions.builder().build());
      } catch (RuntimeException e) {
        failed = e;
      }
      this.controlPlane = started;
      this.client = started == null ? null : started.newAdminClient();
      this.failure = failed;
    }

    ControlPlane controlPlane() {
      if (failure != null) {
        throw new IllegalStateException(
            "The local control plane could not start: " + failure.getMessage(), failure);
      }
      return controlPlane;
    }

    KubernetesClient client() {
      controlPlane();
      return client;
    }

    @Override
    public void close() {
      if (client != null) {
        client.close();
      }
      if (controlPlane != null) {
        controlPlane.close();
      }
    }
  }

  private static Shared shared(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(STORE)
        .computeIfAbsent(SHARED, key -> new Shared(), Shared.class);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    boolean metrics =
        AnnotationSupport.findAnnotation(context.getRequiredTestClass(), LocalControlPlane.class)
            .map(LocalControlPlane::metrics)
            .orElse(false);
    if (metrics) {
      ControlPlane controlPlane = shared(context).controlPlane();
      controlPlane.enableMetrics();
      controlPlane.awaitNodeMetrics(METRICS_DEADLINE);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    String name = namespaceName(context);
    shared(context)
        .client()
        .namespaces()
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName(name)
                .addToLabels("kubeward.io/test", "true")
                .endMetadata()
                .build())
        .create();
    context.getStore(STORE).put(NAMESPACE, new TestNamespace(name));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    TestNamespace namespace = context.getStore(STORE).get(NAMESPACE, TestNamespace.class);
    if (namespace != null) {
      shared(context).client().namespaces().withName(namespace.name()).delete();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == ControlPlane.class
        || type == KubernetesClient.class
        || type == TestNamespace.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (type == ControlPlane.class) {
      return shared(context).controlPlane();
    }
    if (type == KubernetesClient.class) {
      return shared(context).client();
    }
    TestNamespace namespace = context.getStore(STORE).get(NAMESPACE, TestNamespace.class);
    if (namespace == null) {
      throw new ParameterResolutionException(
          "A TestNamespace exists only for test methods and their @BeforeEach/@AfterEach");
    }
    return namespace;
  }

  /** A DNS-1123 label from the test's class and method names, unique by a random suffix. */
  static String namespaceName(ExtensionContext context) {
    String base =
        context.getRequiredTestClass().getSimpleName()
            + "-"
            + context.getTestMethod().map(m -> m.getName()).orElse("class");
    String cleaned =
        base.replaceAll("([a-z0-9])([A-Z])", "$1-$2")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9-]", "-")
            .replaceAll("-+", "-");
    String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36);
    String trimmed = cleaned.substring(0, Math.min(cleaned.length(), 57)).replaceAll("-+$", "");
    return trimmed + "-" + suffix;
  }
}
