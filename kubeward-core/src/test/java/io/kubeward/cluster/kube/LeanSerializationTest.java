package io.kubeward.cluster.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.kubeward.cluster.domain.PodView;
import org.junit.jupiter.api.Test;

class LeanSerializationTest {

  private static final String POD_LIST =
      """
      {"apiVersion":"v1","kind":"PodList","metadata":{"resourceVersion":"42"},
       "items":[{"metadata":{"name":"web-1","namespace":"shop","uid":"u-1",
         "resourceVersion":"41","labels":{"app":"web"},
         "ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"web-7d9",
           "uid":"rs-1","controller":true}],
         "managedFields":[{"manager":"kube-controller-manager","operation":"Update",
           "apiVersion":"v1","fieldsType":"FieldsV1",
           "fieldsV1":{"f:metadata":{"f:labels":{".":{},"f:app":{}}}}}]},
        "spec":{"nodeName":"node-1","containers":[{"name":"web","image":"nginx:1.27"}]},
        "status":{"phase":"Running","podIP":"10.0.0.7"}}]}
      """;

  @Test
  void parsesEverythingButManagedFields() {
    String metadata =
        """
        {"name":"web-1","namespace":"shop","labels":{"app":"web"},
         "ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"web-7d9",
           "uid":"rs-1","controller":true}],
         "managedFields":[{"manager":"kube-controller-manager","operation":"Update",
           "apiVersion":"v1","fieldsType":"FieldsV1","fieldsV1":{"f:metadata":{}}}]}
        """;

    ObjectMeta meta = LeanSerialization.create().unmarshal(metadata, ObjectMeta.class);

    assertThat(meta.getManagedFields()).isEmpty();
    assertThat(meta.getAdditionalProperties()).doesNotContainKey("managedFields");
    assertThat(meta.getName()).isEqualTo("web-1");
    assertThat(meta.getLabels()).containsEntry("app", "web");
    assertThat(meta.getOwnerReferences().getFirst().getName()).isEqualTo("web-7d9");
  }

  @Test
  void decodesCachedKindsIntoTheirViews() {
    PodList list = LeanSerialization.create().unmarshal(POD_LIST, PodList.class);

    PodView view = (PodView) ViewStub.viewOf(list.getItems().getFirst());
    assertThat(view.name()).isEqualTo("web-1");
    assertThat(view.labels()).containsEntry("app", "web");
    assertThat(view.owner().name()).isEqualTo("web-7d9");
    assertThat(view.nodeName()).isEqualTo("node-1");
    assertThat(view.ip()).isEqualTo("10.0.0.7");
    assertThat(list.getMetadata().getResourceVersion()).isEqualTo("42");
  }

  @Test
  void theDefaultSerializationStillParsesThem() {
    PodList list = new KubernetesSerialization().unmarshal(POD_LIST, PodList.class);

    assertThat(list.getItems().getFirst().getMetadata().getManagedFields())
        .singleElement()
        .satisfies(entry -> assertThat(entry.getManager()).isEqualTo("kube-controller-manager"));
  }
}
