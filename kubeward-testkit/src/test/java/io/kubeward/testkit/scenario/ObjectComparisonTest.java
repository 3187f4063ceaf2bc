package io.kubeward.testkit.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.testkit.scenario.ObjectComparison.Difference;
import io.kubeward.testkit.scenario.ObjectComparison.Key;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectComparisonTest {

  private static final String ORIGINAL =
      """
      {"apiVersion": "v1", "kind": "List", "items": [
        {"apiVersion": "v1", "kind": "Service",
         "metadata": {"name": "web", "namespace": "a", "uid": "u1", "resourceVersion": "10",
                      "creationTimestamp": "2026-01-01T00:00:00Z", "generation": 1,
                      "managedFields": [{"manager": "kubectl"}],
                      "labels": {"app": "web", "kubeward.io/restore": "r1"},
                      "annotations": {"note": "keep"}},
         "spec": {"type": "NodePort", "clusterIP": "10.96.0.10", "clusterIPs": ["10.96.0.10"],
                  "selector": {"app": "web"},
                  "ports": [{"port": 80, "targetPort": 8080, "nodePort": 30080}]},
         "status": {"loadBalancer": {}}},
        {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding",
         "metadata": {"name": "b", "namespace": "a", "ownerReferences": [{"name": "x"}]},
         "roleRef": {"kind": "Role", "name": "r"},
         "subjects": [{"kind": "ServiceAccount", "name": "sa", "namespace": "a"}]},
        {"apiVersion": "v1", "kind": "PersistentVolumeClaim",
         "metadata": {"name": "data", "namespace": "a",
                      "finalizers": ["kubernetes.io/pvc-protection"],
                      "annotations": {"pv.kubernetes.io/bind-completed": "yes"}},
         "spec": {"volumeName": "pv-a"}}
      ]}
      """;

  @Test
  void serverManagedAndAllocatedFieldsAreTakenOut() {
    Map<Key, Map<String, Object>> objects =
        ObjectComparison.normalizedByKey(ObjectComparison.parse(ORIGINAL));

    Map<String, Object> service = objects.get(new Key("Service", "", "web"));
    assertThat(service).doesNotContainKey("status");
    assertThat(service.get("metadata"))
        .isEqualTo(
            Map.of(
                "name",
                "web",
                "labels",
                Map.of("app", "web"),
                "annotations",
                Map.of("note", "keep")));
    assertThat(service.get("spec"))
        .isEqualTo(
            Map.of(
                "type",
                "NodePort",
                "selector",
                Map.of("app", "web"),
                "ports",
                List.of(Map.of("port", 80, "targetPort", 8080))));
    assertThat(objects.get(new Key("PersistentVolumeClaim", "", "data")).get("metadata"))
        .isEqualTo(Map.of("name", "data"));
    assertThat(objects.get(new Key("PersistentVolumeClaim", "", "data")).get("spec"))
        .as("the binding is the PV controller's")
        .isEqualTo(Map.of());
    assertThat(
            objects.get(new Key("RoleBinding", "rbac.authorization.k8s.io", "b")).get("metadata"))
        .isEqualTo(Map.of("name", "b"));
  }

  @Test
  void theSameObjectsInAnotherNamespaceWithOtherAllocationsAreEqual() {
    String restored =
        ORIGINAL
            .replace("\"namespace\": \"a\"", "\"namespace\": \"b\"")
            .replace("10.96.0.10", "10.96.7.7")
            .replace("30080", "31999")
            .replace("\"u1\"", "\"u2\"");
    Map<Key, Map<String, Object>> source =
        ObjectComparison.normalizedByKey(ObjectComparison.parse(ORIGINAL));
    Map<Key, Map<String, Object>> target =
        ObjectComparison.normalizedByKey(ObjectComparison.parse(restored));

    assertThat(ObjectComparison.compare(ObjectComparison.mapped(source, "a", "b"), target))
        .isEmpty();
    // without the mapping the subject's namespace differs, and only that
    assertThat(ObjectComparison.compare(source, target))
        .extracting(Difference::toString)
        .containsExactly(
            "RoleBinding.rbac.authorization.k8s.io/b .subjects[0].namespace: expected a, but was b");
  }

  @Test
  void missingUnexpectedAndChangedObjectsAreReportedPrecisely() {
    Map<Key, Map<String, Object>> source =
        ObjectComparison.normalizedByKey(ObjectComparison.parse(ORIGINAL));
    String changed =
        ORIGINAL
            .replace("\"note\": \"keep\"", "\"note\": \"changed\"")
            .replace("\"name\": \"data\"", "\"name\": \"other\"");
    Map<Key, Map<String, Object>> target =
        ObjectComparison.normalizedByKey(ObjectComparison.parse(changed));

    assertThat(ObjectComparison.compare(source, target))
        .extracting(Difference::toString)
        .containsExactly(
            "PersistentVolumeClaim/data is missing",
            "PersistentVolumeClaim/other was not expected",
            "Service/web .metadata.annotations.note: expected keep, but was changed");
  }
}
