package io.kubeward.rightsizing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestsPatchTest {

  static final long MI = 1024L * 1024;

  @Test
  void changesOnlyTheNamedContainersRequestsAndCarriesTheResourceVersion() {
    Map<String, Object> patch =
        RequestsPatch.of(
            "Deployment", "app", new ContainerRequests(110L, 116 * MI, null, null), "42");

    assertThat(patch)
        .isEqualTo(
            Map.of(
                "metadata",
                Map.of("resourceVersion", "42"),
                "spec",
                Map.of(
                    "template",
                    Map.of(
                        "spec",
                        Map.of(
                            "containers",
                            List.of(
                                Map.of(
                                    "name",
                                    "app",
                                    "resources",
                                    Map.of(
                                        "requests",
                                        Map.of("cpu", "110m", "memory", "116Mi")))))))));
  }

  @Test
  void aCronJobIsPatchedInItsJobTemplate() {
    Map<String, Object> patch =
        RequestsPatch.of(
            "CronJob", "batch", new ContainerRequests(1000L, 2048 * MI, null, null), null);

    assertThat(patch).doesNotContainKey("metadata");
    assertThat(patch.get("spec")).isInstanceOf(Map.class);
    Map<?, ?> spec = (Map<?, ?>) patch.get("spec");
    Map<?, ?> template =
        (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) spec.get("jobTemplate")).get("spec")).get("template");
    Map<?, ?> container =
        (Map<?, ?>) ((List<?>) ((Map<?, ?>) template.get("spec")).get("containers")).get(0);
    assertThat(container.get("resources"))
        .isEqualTo(Map.of("requests", Map.of("cpu", "1", "memory", "2Gi")));
  }

  @Test
  void limitsAreWrittenOnlyWhenRaisedAndAbsentRequestsAreRemoved() {
    Map<String, Object> patch =
        RequestsPatch.of(
            "StatefulSet", "db", new ContainerRequests(null, 64 * MI, 500L, null), null);
    Map<?, ?> resources = resources(patch);
    Map<String, Object> requests = new LinkedHashMap<>();
    requests.put("cpu", null);
    requests.put("memory", "64Mi");
    assertThat(resources.get("requests")).isEqualTo(requests);
    assertThat(resources.get("limits")).isEqualTo(Map.of("cpu", "500m"));
  }

  @Test
  void aJobOrReplicaSetIsRefused() {
    assertThatThrownBy(
            () -> RequestsPatch.of("Job", "x", new ContainerRequests(1L, MI, null, null), null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readsOneContainersRequestsAndLimitsFromATemplate() {
    Map<String, Object> template =
        Map.of(
            "spec",
            Map.of(
                "containers",
                List.of(
                    Map.of("name", "sidecar", "resources", Map.of("requests", Map.of("cpu", "1"))),
                    Map.of(
                        "name",
                        "app",
                        "resources",
                        Map.of(
                            "requests", Map.of("cpu", "0.5", "memory", "256Mi"),
                            "limits", Map.of("memory", "1Gi"))))));

    assertThat(RequestsPatch.read(template, "app"))
        .contains(new ContainerRequests(500L, 256 * MI, null, 1024 * MI));
    assertThat(RequestsPatch.read(template, "sidecar"))
        .contains(new ContainerRequests(1000L, null, null, null));
    assertThat(RequestsPatch.read(template, "missing")).isEmpty();
  }

  private static Map<?, ?> resources(Map<String, Object> patch) {
    Map<?, ?> spec = (Map<?, ?>) patch.get("spec");
    Map<?, ?> template = (Map<?, ?>) spec.get("template");
    Map<?, ?> c =
        (Map<?, ?>) ((List<?>) ((Map<?, ?>) template.get("spec")).get("containers")).get(0);
    return (Map<?, ?>) c.get("resources");
  }
}
