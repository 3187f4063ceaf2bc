package io.kubeward.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.mockito.Mockito;

class ControlPlaneExtensionTest {

  @Test
  void namespaceNameIsAValidDnsLabelMadeFromClassAndMethod() throws Exception {
    ExtensionContext context = Mockito.mock(ExtensionContext.class);
    Mockito.<Class<?>>when(context.getRequiredTestClass())
        .thenReturn(ControlPlaneExtensionTest.class);
    Method method =
        ControlPlaneExtensionTest.class.getDeclaredMethod(
            "namespaceNameIsAValidDnsLabelMadeFromClassAndMethod");
    Mockito.when(context.getTestMethod()).thenReturn(Optional.of(method));

    String name = ControlPlaneExtension.namespaceName(context);

    assertThat(name)
        .hasSizeLessThanOrEqualTo(63)
        .matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")
        .startsWith("control-plane-extension-test-namespace-name-is-avalid");
    assertThat(ControlPlaneExtension.namespaceName(context)).isNotEqualTo(name);
  }
}
