package io.kubeward.helm.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeward.helm.domain.HelmException;
import io.kubeward.helm.domain.HelmReleaseDetail;
import io.kubeward.resource.kube.JacksonObjectCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class ReleasePayloadTest {

  private final ReleasePayload payload = new ReleasePayload(new JacksonObjectCodec(), 64 * 1024);

  /** As a release Secret's {@code data.release} reads through the API: base64(base64(gzip)). */
  static String secretData(byte[] json) throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(json);
    }
    byte[] helm = Base64.getEncoder().encode(gz.toByteArray());
    return Base64.getEncoder().encodeToString(helm);
  }

  @Test
  void decodesTheFieldsAListAHistoryAndADetailShow() throws IOException {
    String json =
        """
        {"name":"web","namespace":"shop","version":3,
         "info":{"status":"deployed","last_deployed":"2026-12-04T10:00:00Z",
                 "description":"Rollback to 1","notes":"web says hello"},
         "chart":{"metadata":{"name":"demo","version":"0.1.0","appVersion":"1.0.0"}},
         "config":{"greeting":"hello","replicas":2},
         "manifest":"---\\nkind: ConfigMap\\n",
         "hooks":[{"name":"web-hello","kind":"Job","path":"demo/templates/job.yaml",
                   "events":["post-install","post-upgrade"],
                   "last_run":{"started_at":"a","completed_at":"b","phase":"Succeeded"}},
                  {"name":"never","kind":"Pod","path":"p","events":["test"]}]}
        """;
    HelmReleaseDetail detail =
        payload.decode("shop/sh.helm.release.v1.web.v3", secretData(json.getBytes()));
    assertThat(detail.release().name()).isEqualTo("web");
    assertThat(detail.release().revision()).isEqualTo(3);
    assertThat(detail.release().status()).isEqualTo("deployed");
    assertThat(detail.release().chart()).isEqualTo("demo");
    assertThat(detail.release().chartVersion()).isEqualTo("0.1.0");
    assertThat(detail.release().appVersion()).isEqualTo("1.0.0");
    assertThat(detail.release().description()).isEqualTo("Rollback to 1");
    assertThat(detail.values()).containsEntry("greeting", "hello").containsEntry("replicas", 2);
    assertThat(detail.valuesYaml()).contains("greeting: hello");
    assertThat(detail.notes()).isEqualTo("web says hello");
    assertThat(detail.manifest()).contains("kind: ConfigMap");
    assertThat(detail.hooks()).hasSize(2);
    assertThat(detail.hooks().get(0).lastRunPhase()).isEqualTo("Succeeded");
    assertThat(detail.hooks().get(0).events()).containsExactly("post-install", "post-upgrade");
    assertThat(detail.hooks().get(1).lastRunPhase()).isEqualTo("Unknown");
  }

  @Test
  void aDecompressionBombIsRefusedAtTheBound() throws IOException {
    byte[] huge = new byte[1024 * 1024];
    java.util.Arrays.fill(huge, (byte) ' ');
    assertThatThrownBy(() -> payload.decode("ns/bomb", secretData(huge)))
        .isInstanceOf(HelmException.class)
        .extracting(e -> ((HelmException) e).code())
        .isEqualTo(HelmException.TOO_LARGE);
  }

  @Test
  void corruptPayloadsAreUnreadableNotAnInternalError() {
    assertThatThrownBy(() -> payload.decode("ns/x", "%%%"))
        .isInstanceOf(HelmException.class)
        .hasMessageContaining("ns/x");
    String notJson =
        Base64.getEncoder()
            .encodeToString(
                Base64.getEncoder().encode("not json at all".getBytes(StandardCharsets.UTF_8)));
    assertThatThrownBy(() -> payload.decode("ns/y", notJson))
        .extracting(e -> ((HelmException) e).code())
        .isEqualTo(HelmException.UNREADABLE);
    assertThatThrownBy(() -> payload.decode("ns/z", null))
        .extracting(e -> ((HelmException) e).code())
        .isEqualTo(HelmException.UNREADABLE);
  }
}
