package io.kubeward.resource.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeward.resource.app.ResourceException;
import org.junit.jupiter.api.Test;

class JacksonObjectCodecTest {

  private final JacksonObjectCodec codec = new JacksonObjectCodec();

  @Test
  void parsesYamlAndJsonAndWritesYamlBack() {
    assertThat(codec.parse("apiVersion: v1\nkind: ConfigMap\ndata:\n  a: \"1\"\n"))
        .containsEntry("kind", "ConfigMap");
    assertThat(codec.parse("{\"kind\": \"ConfigMap\"}")).containsEntry("kind", "ConfigMap");
    assertThat(codec.toYaml(codec.parse("kind: ConfigMap\ndata:\n  a: \"1\"\n")))
        .isEqualTo("kind: ConfigMap\ndata:\n  a: \"1\"\n");
  }

  @Test
  void malformedYamlNamesLineAndColumn() {
    assertThatThrownBy(() -> codec.parse("apiVersion: v1\nkind: ConfigMap\ndata:\n  a: [1, 2\n"))
        .isInstanceOfSatisfying(
            ResourceException.class,
            e -> {
              assertThat(e.code()).isEqualTo("resource.malformed");
              assertThat((int) e.properties().get("line")).isBetween(4, 5);
              assertThat((int) e.properties().get("column")).isPositive();
            });
    assertThatThrownBy(() -> codec.parse("kind: a\n  bad: indentation: here\n"))
        .isInstanceOfSatisfying(
            ResourceException.class, e -> assertThat(e.properties().get("line")).isEqualTo(2));
  }

  @Test
  void malformedJsonNamesLineAndColumn() {
    assertThatThrownBy(() -> codec.parse("{\n  \"kind\": \"ConfigMap\",\n  \"data\": {\n}"))
        .isInstanceOfSatisfying(
            ResourceException.class,
            e -> assertThat((int) e.properties().get("line")).isGreaterThanOrEqualTo(3));
  }

  @Test
  void onlyOneObjectIsAccepted() {
    assertThatThrownBy(() -> codec.parse("- a\n- b\n"))
        .isInstanceOfSatisfying(
            ResourceException.class, e -> assertThat(e.code()).isEqualTo("resource.malformed"));
    assertThatThrownBy(() -> codec.parse("  ")).isInstanceOf(ResourceException.class);
  }

  @Test
  void aStreamOfDocumentsIsParsedWholeAndAMalformedOneIsNamedWithItsPositionInTheBody() {
    var documents = codec.parseAll("kind: A\n---\nkind: B\n---\n---\n");
    assertThat(documents).hasSize(2);
    assertThat(documents.get(1).index()).isEqualTo(2);
    assertThat(documents.get(1).object()).containsEntry("kind", "B");
    assertThat(documents.get(1).line()).isEqualTo(3);

    assertThatThrownBy(() -> codec.parseAll("kind: A\n---\nkind: [unclosed\n"))
        .isInstanceOfSatisfying(
            ResourceException.class,
            e -> {
              assertThat(e.properties()).containsEntry("document", 2);
              assertThat((int) e.properties().get("line")).isGreaterThanOrEqualTo(3);
            });
    assertThatThrownBy(() -> codec.parseAll("kind: A\n---\n- a list\n"))
        .isInstanceOfSatisfying(
            ResourceException.class, e -> assertThat(e.properties()).containsEntry("document", 2));
    assertThatThrownBy(() -> codec.parse("kind: A\n---\nkind: B\n"))
        .isInstanceOf(ResourceException.class);
    assertThatThrownBy(() -> codec.parseAll("kind: A\n---\n".repeat(101)))
        .isInstanceOfSatisfying(
            ResourceException.class,
            e -> assertThat(e.code()).isEqualTo("resource.too-many-documents"));
  }
}
