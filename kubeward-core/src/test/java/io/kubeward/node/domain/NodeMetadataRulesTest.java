package io.kubeward.node.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeward.cluster.domain.NodeTaint;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NodeMetadataRulesTest {

  private static NodeMetadata labels(String key, String value) {
    return new NodeMetadata(Map.of(key, value), List.of());
  }

  private static NodeMetadata taints(NodeTaint... taints) {
    return new NodeMetadata(Map.of(), List.of(taints));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "app",
        "a",
        "topology.kubernetes.io/zone",
        "node-role.kubernetes.io/worker",
        "Example_Key.v2",
        "kubeward.io/x"
      })
  void acceptsValidKeys(String key) {
    assertThatCode(() -> NodeMetadataRules.validate(labels(key, "value-1")))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "-app",
        "app-",
        "has space",
        "Upper.Case/name",
        "/name",
        "prefix/",
        "a/b/c",
        "ä",
        "x123456789012345678901234567890123456789012345678901234567890abcd"
      })
  void refusesInvalidKeysNamingTheKey(String key) {
    assertThatThrownBy(() -> NodeMetadataRules.validate(labels(key, "v")))
        .isInstanceOfSatisfying(
            InvalidNodeMetadataException.class,
            e -> {
              assertThat(e.code()).isEqualTo("node.invalid-label");
              assertThat(e.properties()).containsEntry("key", key);
            });
  }

  @Test
  void aPrefixMayHave253CharactersButNotMore() {
    String label63 = "a".repeat(63);
    String prefix253 = String.join(".", label63, label63, label63, "a".repeat(61));
    assertThat(prefix253).hasSize(253);

    assertThatCode(() -> NodeMetadataRules.validate(labels(prefix253 + "/name", "")))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> NodeMetadataRules.validate(labels(prefix253 + "a/name", "")))
        .isInstanceOf(InvalidNodeMetadataException.class);
  }

  @Test
  void valuesMayBeEmptyButNotInvalidOrLong() {
    assertThatCode(() -> NodeMetadataRules.validate(labels("k", ""))).doesNotThrowAnyException();
    assertThatCode(() -> NodeMetadataRules.validate(labels("k", "a".repeat(63))))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> NodeMetadataRules.validate(labels("k", "a".repeat(64))))
        .hasMessageContaining("\"k\"");
    assertThatThrownBy(() -> NodeMetadataRules.validate(labels("k", "bad value")))
        .isInstanceOf(InvalidNodeMetadataException.class);
  }

  @Test
  void taintEffectsAreTheThreeKubernetesKnows() {
    for (String effect : List.of("NoSchedule", "PreferNoSchedule", "NoExecute")) {
      assertThatCode(() -> NodeMetadataRules.validate(taints(new NodeTaint("k", "v", effect))))
          .doesNotThrowAnyException();
    }
    assertThatThrownBy(
            () -> NodeMetadataRules.validate(taints(new NodeTaint("dedicated", "v", "NoRun"))))
        .isInstanceOfSatisfying(
            InvalidNodeMetadataException.class,
            e -> {
              assertThat(e.code()).isEqualTo("node.invalid-taint");
              assertThat(e.properties()).containsEntry("key", "dedicated");
            });
  }

  @Test
  void theSameKeyAndEffectTwiceIsRefusedButDifferentEffectsAreFine() {
    assertThatCode(
            () ->
                NodeMetadataRules.validate(
                    taints(
                        new NodeTaint("k", "a", "NoSchedule"),
                        new NodeTaint("k", "b", "NoExecute"))))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () ->
                NodeMetadataRules.validate(
                    taints(
                        new NodeTaint("k", "a", "NoSchedule"),
                        new NodeTaint("k", "b", "NoSchedule"))))
        .isInstanceOf(InvalidNodeMetadataException.class)
        .hasMessageContaining("twice");
  }

  @Test
  void taintKeysFollowTheLabelKeyRules() {
    assertThatThrownBy(
            () -> NodeMetadataRules.validate(taints(new NodeTaint("bad key", "", "NoSchedule"))))
        .isInstanceOfSatisfying(
            InvalidNodeMetadataException.class,
            e -> assertThat(e.code()).isEqualTo("node.invalid-taint"));
  }

  @Test
  void rendersSortedLabelsAndTaintsForTheDiff() {
    NodeMetadata metadata =
        new NodeMetadata(
            Map.of("b", "2", "a", "1"),
            List.of(new NodeTaint("k", "", "NoSchedule"), new NodeTaint("d", "gpu", "NoExecute")));

    assertThat(metadata.render())
        .isEqualTo("labels:\n  a=1\n  b=2\ntaints:\n  k:NoSchedule\n  d=gpu:NoExecute\n");
  }
}
