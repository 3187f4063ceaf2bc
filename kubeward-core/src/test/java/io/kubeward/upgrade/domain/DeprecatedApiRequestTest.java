package io.kubeward.upgrade.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeprecatedApiRequestTest {

  @Test
  void readsTheGaugeFromAnExposition() {
    String text =
        """
        # HELP apiserver_requested_deprecated_apis [STABLE] Gauge of deprecated APIs
        # TYPE apiserver_requested_deprecated_apis gauge
        apiserver_requested_deprecated_apis{group="",removed_release="",resource="endpoints",subresource="",version="v1"} 1
        apiserver_requested_deprecated_apis{group="flowcontrol.apiserver.k8s.io",removed_release="1.32",resource="flowschemas",subresource="status",version="v1beta3"} 1
        apiserver_requested_deprecated_apis{group="flowcontrol.apiserver.k8s.io",removed_release="1.32",resource="flowschemas",subresource="",version="v1beta3"} 1
        apiserver_requested_deprecated_apis{group="x",removed_release="",resource="gone",subresource="",version="v1"} 0
        apiserver_requested_deprecated_apis{group="broken
        apiserver_request_total{code="200"} 5
        """;
    var found = DeprecatedApiRequest.parse(text);
    assertThat(found)
        .extracting(DeprecatedApiRequest::groupVersion, DeprecatedApiRequest::resource)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("v1", "endpoints"),
            org.assertj.core.groups.Tuple.tuple(
                "flowcontrol.apiserver.k8s.io/v1beta3", "flowschemas"));
    assertThat(found.get(1).removedIn()).contains(new KubeMinor(1, 32));
    assertThat(found.get(0).removedIn()).isEmpty();
  }
}
