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
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ControlPlaneExtension.class)
public @interface LocalControlPlane {}
