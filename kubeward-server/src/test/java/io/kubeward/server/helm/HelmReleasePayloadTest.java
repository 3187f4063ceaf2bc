package io.kubeward.server.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.helm.domain.HelmReleaseDetail;
import io.kubeward.helm.kube.ReleasePayload;
import io.kubeward.resource.kube.JacksonObjectCodec;
import io.kubeward.testkit.helm.HelmBinary;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A release as the real helm binary renders it ({@code helm install --dry-run=client -o json} of
 * the test chart, no cluster needed), encoded as Helm stores it in a release Secret, decoded by
 * Kubeward.
 */
class HelmReleasePayloadTest {

  @TempDir Path dir;

  @Test
  void aReleaseRenderedByHelmDecodesToWhatHelmShows() throws Exception {
    Path values = Files.writeString(dir.resolve("values.yaml"), "greeting: hallo\nreplicas: 3\n");
    String json =
        helm(
            "install",
            "shop",
            Path.of("src/test/resources/helm/demo").toAbsolutePath().toString(),
            "--namespace=store",
            "--dry-run=client",
            "--values=" + values,
            "--output=json");

    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(json.getBytes(StandardCharsets.UTF_8));
    }
    String secretData =
        Base64.getEncoder().encodeToString(Base64.getEncoder().encode(gz.toByteArray()));

    HelmReleaseDetail detail =
        new ReleasePayload(new JacksonObjectCodec())
            .decode("store/sh.helm.release.v1.shop.v1", secretData);
    assertThat(detail.release().name()).isEqualTo("shop");
    assertThat(detail.release().namespace()).isEqualTo("store");
    assertThat(detail.release().revision()).isEqualTo(1);
    assertThat(detail.release().chart()).isEqualTo("demo");
    assertThat(detail.release().chartVersion()).isEqualTo("0.1.0");
    assertThat(detail.release().appVersion()).isEqualTo("1.0.0");
    assertThat(detail.values()).containsEntry("greeting", "hallo").containsEntry("replicas", 3);
    assertThat(detail.manifest())
        .contains("name: shop-settings", "greeting: \"hallo\"", "kind: Deployment");
    assertThat(detail.notes()).contains("shop says hallo");
    assertThat(detail.hooks()).hasSize(1);
    assertThat(detail.hooks().getFirst().name()).isEqualTo("shop-hello");
    assertThat(detail.hooks().getFirst().kind()).isEqualTo("Job");
    assertThat(detail.hooks().getFirst().events()).containsExactly("post-install", "post-upgrade");
  }

  private String helm(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>();
    command.add(HelmBinary.resolve().toString());
    command.addAll(List.of(args));
    Path out = dir.resolve("out");
    Path err = dir.resolve("err");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().put("HELM_CACHE_HOME", dir.resolve("cache").toString());
    builder.environment().put("HELM_CONFIG_HOME", dir.resolve("config").toString());
    builder.environment().put("HELM_DATA_HOME", dir.resolve("data").toString());
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("helm finished within 60 s").isTrue();
    assertThat(process.exitValue()).as(Files.readString(err)).isZero();
    return Files.readString(out);
  }
}
