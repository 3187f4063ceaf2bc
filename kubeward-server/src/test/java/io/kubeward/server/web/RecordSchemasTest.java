package io.kubeward.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class RecordSchemasTest {

  record Part(String id) {}

  record Sample(
      String name,
      @Nullable String note,
      int count,
      @Nullable Part part,
      List<Part> parts,
      @JsonProperty("continue") @Nullable String continueToken) {
    public boolean isEmpty() {
      return count == 0;
    }
  }

  static final class Outer {
    record Part(String other) {}

    record Holder(RecordSchemasTest.Part first, Part second) {}

    record ListHolder(RecordSchemasTest.Part first, List<Part> others) {}

    @io.swagger.v3.oas.annotations.media.Schema(name = "Part")
    record Renamed(String other) {}

    record RenamedHolder(List<RecordSchemasTest.Part> first, List<Renamed> others) {}
  }

  private static Map<String, Schema> schemas(Class<?> type) {
    ModelConverters converters = new ModelConverters(true);
    converters.addConverter(new RecordSchemas());
    return converters.readAll(type);
  }

  @Test
  void componentsAreRequiredUnlessNullableAndNullableOnesAllowNull() {
    Schema<?> sample = schemas(Sample.class).get("Sample");

    assertThat(sample.getRequired()).containsExactlyInAnyOrder("name", "count", "parts", "empty");
    Schema<?> note = (Schema<?>) sample.getProperties().get("note");
    assertThat(note.getTypes()).containsExactlyInAnyOrder("string", "null");
    Schema<?> part = (Schema<?>) sample.getProperties().get("part");
    assertThat(part.get$ref()).isNull();
    assertThat(part.getOneOf()).hasSize(2);
    assertThat(part.getOneOf().get(0).get$ref()).isEqualTo("#/components/schemas/Part");
    assertThat(part.getOneOf().get(1).getTypes()).containsExactly("null");
    Schema<?> continueToken = (Schema<?>) sample.getProperties().get("continue");
    assertThat(continueToken.getTypes()).contains("null");
  }

  @Test
  void twoClassesWithOneSchemaNameAreRefused() {
    assertThatIllegalStateException()
        .isThrownBy(() -> schemas(Outer.Holder.class))
        .withMessageContaining("\"Part\"")
        .withMessageContaining(Part.class.getName())
        .withMessageContaining(Outer.Part.class.getName());
  }

  @Test
  void twoClassesWithOneSchemaNameAreRefusedInsideAList() {
    assertThatIllegalStateException()
        .isThrownBy(() -> schemas(Outer.ListHolder.class))
        .withMessageContaining("\"Part\"")
        .withMessageContaining(Outer.Part.class.getName());
  }

  @Test
  void aClassRenamedToAnotherClassesSchemaNameIsRefused() {
    assertThatIllegalStateException()
        .isThrownBy(() -> schemas(Outer.RenamedHolder.class))
        .withMessageContaining("\"Part\"")
        .withMessageContaining(Outer.Renamed.class.getName());
  }

  @Test
  void operationIdsAreControllerAndMethod() {
    assertThat(OpenApiConfiguration.operationId("NodeController", "detail"))
        .isEqualTo("nodeDetail");
    assertThat(OpenApiConfiguration.operationId("MaintenanceApi", "list"))
        .isEqualTo("maintenanceList");
    assertThat(OpenApiConfiguration.operationId("VersionController", "version"))
        .isEqualTo("version");
  }
}
