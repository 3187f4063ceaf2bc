package io.kubeward.resource.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

  @Test
  void equalTextsHaveNoDiff() {
    assertThat(UnifiedDiff.of("a\nb\n", "a\nb\n", "x", "y")).isEmpty();
  }

  @Test
  void showsAChangeWithContextLikeDiffU() {
    String before = "a\nb\nc\nd\ne\nf\ng\nh\n";
    String after = "a\nb\nc\nd\nE\nf\ng\nh\n";
    assertThat(UnifiedDiff.of(before, after, "live", "applied"))
        .isEqualTo("--- live\n+++ applied\n@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n");
  }

  @Test
  void newObjectIsAllAdditions() {
    assertThat(UnifiedDiff.of(null, "a: 1\n", "/dev/null", "new"))
        .isEqualTo("--- /dev/null\n+++ new\n@@ -0,0 +1 @@\n+a: 1\n");
  }

  @Test
  void secretsAreRedactedOrFingerprinted() {
    Map<String, Object> secret =
        Map.of("kind", "Secret", "data", Map.of("password", "c2VjcmV0"), "metadata", Map.of());
    assertThat(ObjectCleaner.redactSecret(secret).get("data"))
        .isEqualTo(Map.of("password", ObjectCleaner.REDACTED));
    Object one = ObjectCleaner.redactSecret(secret, v -> "<redacted:" + v.hashCode() + ">");
    assertThat(one.toString()).doesNotContain("c2VjcmV0").contains("<redacted:");
  }

  @Test
  void cleaningDropsManagedFieldsAndLastApplied() {
    Map<String, Object> object =
        Map.of(
            "metadata",
            Map.of(
                "name", "x",
                "managedFields", java.util.List.of(Map.of("manager", "kubectl")),
                "annotations", Map.of(ObjectCleaner.LAST_APPLIED, "{}")));
    assertThat(ObjectCleaner.clean(object)).isEqualTo(Map.of("metadata", Map.of("name", "x")));
  }
}
