package io.kubeward.backup.domain.restore;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.backup.domain.ObjectRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RestoreFilterTest {

  private static final RestoreSource SOURCE = RestoreSource.ofBackup("ops", "nightly");
  private static final ObjectRef DEPLOY = new ObjectRef("apps/v1", "Deployment", "shop", "web");
  private static final ObjectRef CM = new ObjectRef("v1", "ConfigMap", "shop", "settings");
  private static final ObjectRef NS = new ObjectRef("v1", "Namespace", null, "shop");

  @Test
  void namespacesResourcesAndLabels() {
    RestoreFilter f =
        new RestoreFilter(
            new RestoreSpec(
                SOURCE,
                null,
                "app=web",
                List.of("shop"),
                null,
                List.of("deployments.apps", "namespaces"),
                null,
                null,
                null));
    assertThat(f.selects(DEPLOY, "deployments", Map.of("app", "web"))).isTrue();
    assertThat(f.selects(DEPLOY, "deployments", Map.of("app", "db"))).isFalse();
    assertThat(f.selects(CM, "configmaps", Map.of("app", "web"))).isFalse();
    assertThat(f.selects(NS, "namespaces", Map.of("app", "web"))).isTrue();
    assertThat(
            f.selects(
                new ObjectRef("apps/v1", "Deployment", "other", "web"), null, Map.of("app", "web")))
        .isFalse();

    RestoreFilter excluding =
        new RestoreFilter(
            new RestoreSpec(
                SOURCE, null, null, null, List.of("shop"), null, List.of("ConfigMap"), null, null));
    assertThat(excluding.selects(CM, null, Map.of())).isFalse();
    assertThat(excluding.selects(NS, null, Map.of())).isFalse(); // the namespace itself too
    assertThat(excluding.selects(new ObjectRef("v1", "ConfigMap", "x", "y"), null, Map.of()))
        .isFalse();
    assertThat(excluding.selects(new ObjectRef("v1", "Secret", "x", "y"), null, Map.of())).isTrue();
  }

  @Test
  void whatTheClusterMakesItselfIsNeverRestored() {
    assertThat(RestoreFilter.neverRestored(new ObjectRef("v1", "Event", "shop", "e"), Map.of()))
        .isPresent();
    assertThat(
            RestoreFilter.neverRestored(
                new ObjectRef("discovery.k8s.io/v1", "EndpointSlice", "shop", "web-abc"),
                Map.of(
                    "endpointslice.kubernetes.io/managed-by", "endpointslice-controller.k8s.io")))
        .isPresent();
    assertThat(
            RestoreFilter.neverRestored(
                new ObjectRef("kubeward.io/v1alpha1", "Restore", "ops", "r"), Map.of()))
        .isPresent();
    assertThat(RestoreFilter.neverRestored(DEPLOY, Map.of())).isEmpty();
  }

  @Test
  void pluralsOfUnknownKinds() {
    assertThat(RestoreFilter.plural("ingress")).isEqualTo("ingresses");
    assertThat(RestoreFilter.plural("networkpolicy")).isEqualTo("networkpolicies");
    assertThat(RestoreFilter.plural("gateway")).isEqualTo("gateways");
    assertThat(RestoreFilter.plural("widget")).isEqualTo("widgets");
  }
}
