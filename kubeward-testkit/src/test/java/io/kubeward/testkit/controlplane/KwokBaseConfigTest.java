package io.kubeward.testkit.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

class KwokBaseConfigTest {

  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

  @Test
  void keepsKwoksDefaultsUnlessAParallelismIsGiven() throws Exception {
    JsonNode defaults = yaml.readTree(ControlPlane.kwokBaseConfig(0));
    JsonNode sixteen = yaml.readTree(ControlPlane.kwokBaseConfig(16));

    assertThat(defaults.get("kind").asText()).isEqualTo("KwokConfiguration");
    assertThat(defaults.get("options").isEmpty()).isTrue();
    assertThat(sixteen.get("options").get("podPlayStageParallelism").asInt()).isEqualTo(16);
    assertThat(sixteen.get("options").get("nodePlayStageParallelism").asInt()).isEqualTo(16);
    assertThat(sixteen.get("options").get("nodeLeaseParallelism").asInt()).isEqualTo(16);
  }

  @Test
  void refusesAParallelismKwokCouldNotUse() {
    assertThatThrownBy(() -> ControlPlaneOptions.builder().kwokParallelism(-1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kwokParallelism");
  }
}
