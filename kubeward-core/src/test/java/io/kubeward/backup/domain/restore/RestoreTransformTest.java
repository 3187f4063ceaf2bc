package io.kubeward.backup.domain.restore;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.backup.domain.ObjectRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class RestoreTransformTest {

  private static final RestoreSpec SPEC = RestoreSpec.of(RestoreSource.ofBackup("ops", "nightly"));

  @Test
  void dropsServerMetadataStatusAndOwnerReferences() {
    Map<String, Object> cm =
        object(
            "v1",
            "ConfigMap",
            meta(
                "shop",
                "settings",
                Map.of(
                    "uid",
                    "u1",
                    "resourceVersion",
                    "42",
                    "creationTimestamp",
                    "2026-01-01T00:00:00Z",
                    "managedFields",
                    List.of(Map.of("manager", "kubectl")),
                    "ownerReferences",
                    List.of(Map.of("kind", "Deployment", "name", "web")),
                    "labels",
                    Map.of("app", "web"))));
    cm.put("status", Map.of("x", 1));
    cm.put("data", Map.of("a", "b"));

    var t = RestoreTransform.apply(ref("v1", "ConfigMap", "shop", "settings"), cm, SPEC, Set.of());

    Map<String, Object> metadata = (Map<String, Object>) t.object().get("metadata");
    assertThat(metadata)
        .doesNotContainKeys(
            "uid", "resourceVersion", "creationTimestamp", "managedFields", "ownerReferences")
        .containsEntry("labels", Map.of("app", "web"))
        .containsEntry("namespace", "shop");
    assertThat(t.object()).doesNotContainKey("status").containsEntry("data", Map.of("a", "b"));
    assertThat(cm).containsKey("status"); // the input is left alone
  }

  @Test
  void mapsNamespacesOfObjectsNamespacesBindingSubjectsAndClaimRefs() {
    RestoreSpec spec = SPEC.withNamespaceMapping(Map.of("shop", "shop-copy"));
    var ns =
        RestoreTransform.apply(
            ref("v1", "Namespace", null, "shop"),
            object("v1", "Namespace", meta(null, "shop", Map.of())),
            spec,
            Set.of());
    assertThat(ns.target()).isEqualTo(ref("v1", "Namespace", null, "shop-copy"));
    assertThat(((Map<String, Object>) ns.object().get("metadata")).get("name"))
        .isEqualTo("shop-copy");

    Map<String, Object> binding =
        object("rbac.authorization.k8s.io/v1", "RoleBinding", meta("shop", "readers", Map.of()));
    binding.put(
        "subjects",
        new ArrayList<>(
            List.of(
                new LinkedHashMap<>(
                    Map.of("kind", "ServiceAccount", "name", "web", "namespace", "shop")),
                new LinkedHashMap<>(
                    Map.of("kind", "ServiceAccount", "name", "ci", "namespace", "tools")),
                new LinkedHashMap<>(Map.of("kind", "User", "name", "ann")))));
    var b =
        RestoreTransform.apply(
            ref("rbac.authorization.k8s.io/v1", "RoleBinding", "shop", "readers"),
            binding,
            spec,
            Set.of());
    assertThat(b.target().namespace()).isEqualTo("shop-copy");
    assertThat((List<Object>) b.object().get("subjects"))
        .extracting(s -> ((Map<String, Object>) s).get("namespace"))
        .containsExactly("shop-copy", "tools", null);

    Map<String, Object> pv = object("v1", "PersistentVolume", meta(null, "pv-1", Map.of()));
    pv.put(
        "spec",
        new LinkedHashMap<>(
            Map.of(
                "claimRef",
                new LinkedHashMap<>(
                    Map.of(
                        "namespace",
                        "shop",
                        "name",
                        "data",
                        "uid",
                        "u",
                        "resourceVersion",
                        "1")))));
    var v = RestoreTransform.apply(ref("v1", "PersistentVolume", null, "pv-1"), pv, spec, Set.of());
    assertThat(
            ((Map<String, Object>) ((Map<String, Object>) v.object().get("spec")).get("claimRef")))
        .containsEntry("namespace", "shop-copy")
        .doesNotContainKeys("uid", "resourceVersion");
  }

  @Test
  void clearsAllocatedFieldsOfServicesButKeepsHeadless() {
    Map<String, Object> svc = object("v1", "Service", meta("shop", "web", Map.of()));
    svc.put(
        "spec",
        new LinkedHashMap<>(
            Map.of(
                "clusterIP",
                "10.0.0.7",
                "clusterIPs",
                List.of("10.0.0.7"),
                "type",
                "LoadBalancer",
                "healthCheckNodePort",
                31000,
                "ports",
                List.of(new LinkedHashMap<>(Map.of("port", 80, "nodePort", 30080))))));
    var t = RestoreTransform.apply(ref("v1", "Service", "shop", "web"), svc, SPEC, Set.of());
    Map<String, Object> spec = (Map<String, Object>) t.object().get("spec");
    assertThat(spec).doesNotContainKeys("clusterIP", "clusterIPs", "healthCheckNodePort");
    assertThat((Map<String, Object>) ((List<Object>) spec.get("ports")).getFirst())
        .doesNotContainKey("nodePort");

    var kept =
        RestoreTransform.apply(
            ref("v1", "Service", "shop", "web"),
            svc,
            new RestoreSpec(SPEC.source(), null, null, null, null, null, null, null, Boolean.TRUE),
            Set.of());
    assertThat(
            (Map<String, Object>)
                ((List<Object>) ((Map<String, Object>) kept.object().get("spec")).get("ports"))
                    .getFirst())
        .containsEntry("nodePort", 30080);

    Map<String, Object> headless = object("v1", "Service", meta("shop", "db", Map.of()));
    headless.put(
        "spec", new LinkedHashMap<>(Map.of("clusterIP", "None", "clusterIPs", List.of("None"))));
    var h = RestoreTransform.apply(ref("v1", "Service", "shop", "db"), headless, SPEC, Set.of());
    assertThat((Map<String, Object>) h.object().get("spec")).containsEntry("clusterIP", "None");
  }

  @Test
  void clearsPodNodeNameClaimVolumeNameWithoutItsVolumeAndJobSelectors() {
    Map<String, Object> pod = object("v1", "Pod", meta("shop", "p", Map.of()));
    pod.put("spec", new LinkedHashMap<>(Map.of("nodeName", "node-1", "containers", List.of())));
    assertThat(
            (Map<String, Object>)
                RestoreTransform.apply(ref("v1", "Pod", "shop", "p"), pod, SPEC, Set.of())
                    .object()
                    .get("spec"))
        .doesNotContainKey("nodeName")
        .containsKey("containers");

    Map<String, Object> pvc =
        object(
            "v1",
            "PersistentVolumeClaim",
            meta(
                "shop",
                "data",
                Map.of("annotations", Map.of("pv.kubernetes.io/bind-completed", "yes"))));
    pvc.put("spec", new LinkedHashMap<>(Map.of("volumeName", "pv-1")));
    ObjectRef claim = ref("v1", "PersistentVolumeClaim", "shop", "data");
    assertThat(
            (Map<String, Object>)
                RestoreTransform.apply(claim, pvc, SPEC, Set.of()).object().get("spec"))
        .doesNotContainKey("volumeName");
    var withVolume = RestoreTransform.apply(claim, pvc, SPEC, Set.of("pv-1"));
    assertThat((Map<String, Object>) withVolume.object().get("spec"))
        .containsEntry("volumeName", "pv-1");
    assertThat((Map<String, Object>) withVolume.object().get("metadata"))
        .doesNotContainKey("annotations");

    Map<String, Object> job =
        object(
            "batch/v1",
            "Job",
            meta("shop", "once", Map.of("labels", Map.of("controller-uid", "x", "app", "a"))));
    job.put(
        "spec",
        new LinkedHashMap<>(
            Map.of(
                "selector",
                Map.of("matchLabels", Map.of("controller-uid", "x")),
                "template",
                new LinkedHashMap<>(
                    Map.of(
                        "metadata",
                        new LinkedHashMap<>(
                            Map.of(
                                "labels",
                                new LinkedHashMap<>(
                                    Map.of(
                                        "controller-uid", "x",
                                        "batch.kubernetes.io/controller-uid", "x",
                                        "job-name", "once")))))))));
    var j = RestoreTransform.apply(ref("batch/v1", "Job", "shop", "once"), job, SPEC, Set.of());
    Map<String, Object> jspec = (Map<String, Object>) j.object().get("spec");
    assertThat(jspec).doesNotContainKey("selector");
    assertThat(
            (Map<String, Object>)
                ((Map<String, Object>)
                        ((Map<String, Object>) jspec.get("template")).get("metadata"))
                    .get("labels"))
        .containsOnlyKeys("job-name");
    assertThat(
            (Map<String, Object>) ((Map<String, Object>) j.object().get("metadata")).get("labels"))
        .containsOnlyKeys("app");
  }

  static ObjectRef ref(String apiVersion, String kind, String ns, String name) {
    return new ObjectRef(apiVersion, kind, ns, name);
  }

  static Map<String, Object> object(String apiVersion, String kind, Map<String, Object> metadata) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("apiVersion", apiVersion);
    o.put("kind", kind);
    o.put("metadata", metadata);
    return o;
  }

  static Map<String, Object> meta(String ns, String name, Map<String, Object> more) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    if (ns != null) {
      m.put("namespace", ns);
    }
    more.forEach((k, v) -> m.put(k, v instanceof Map<?, ?> map ? new LinkedHashMap<>(map) : v));
    return m;
  }
}
