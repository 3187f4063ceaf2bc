package io.kubeward.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class against the test JVM's one shared local control plane. Test methods
 * may declare parameters of type {@link io.kubeward.testkit.controlplane.ControlPlane}, {@link
 * io.fabric8.kubernetes.client.KubernetesClient} (an admin client) and {@link TestNamespace} (a
 * namespace of the test's own, deleted afterwards).
 *
 * <p>{@code @LocalControlPlane(metrics = true)} also runs metrics-server on the shared control
 * plane (started once, then kept for the JVM's other classes) and, before the class's first test,
 * waits until the metrics API lists every node with non-zero usage. Pods' usage appears one or two
 * scrapes after they run: wait for it with {@code controlPlane.awaitPodMetrics(namespace,
 * timeout)}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ControlPlaneExtension.class)
public @interface LocalControlPlane {

  /** Run metrics-server (the metrics API, {@code kubectl top}) with KWOK's emulated usage. */
  boolean metrics() default false;
}
