package io.kubeward.backup.domain.restore;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.backup.domain.ObjectRef;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestoreOrderTest {

  @Test
  void crdsThenNamespacesThenFoundationThenWorkloadsThenNetworkThenTheRest() {
    List<ObjectRef> refs =
        new ArrayList<>(
            List.of(
                new ObjectRef("example.com/v1", "Widget", "shop", "w"),
                new ObjectRef("networking.k8s.io/v1", "Ingress", "shop", "web"),
                new ObjectRef("v1", "Service", "shop", "web"),
                new ObjectRef("apps/v1", "Deployment", "shop", "web"),
                new ObjectRef("rbac.authorization.k8s.io/v1", "RoleBinding", "shop", "rb"),
                new ObjectRef("v1", "PersistentVolumeClaim", "shop", "data"),
                new ObjectRef("v1", "PersistentVolume", null, "pv"),
                new ObjectRef("v1", "Secret", "shop", "s"),
                new ObjectRef("v1", "ServiceAccount", "shop", "web"),
                new ObjectRef("v1", "Namespace", null, "shop"),
                new ObjectRef(
                    "apiextensions.k8s.io/v1",
                    "CustomResourceDefinition",
                    null,
                    "widgets.example.com")));
    refs.sort(RestoreOrder.ORDER);
    assertThat(refs)
        .extracting(ObjectRef::kind)
        .containsExactly(
            "CustomResourceDefinition",
            "Namespace",
            "Secret",
            "ServiceAccount",
            "PersistentVolume",
            "PersistentVolumeClaim",
            "RoleBinding",
            "Deployment",
            "Service",
            "Ingress",
            "Widget");
    assertThat(RestoreOrder.stage(new ObjectRef("example.com/v1", "Service", "a", "b")))
        .isEqualTo(RestoreStage.REST); // a Service of another group is not the core Service
  }
}
