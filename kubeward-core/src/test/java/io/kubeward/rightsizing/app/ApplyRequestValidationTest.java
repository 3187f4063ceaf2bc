package io.kubeward.rightsizing.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeward.rightsizing.domain.RightsizingException;
import io.kubeward.workload.domain.WorkloadKind;
import org.junit.jupiter.api.Test;

/** What an apply or export accepts, before anything is read or written. */
class ApplyRequestValidationTest {

  static ApplyRequest request(String kind, String container) {
    return new ApplyRequest("shop", kind, "web", container, null, null, false);
  }

  @Test
  void quantitiesAreParsedAndBounded() {
    assertThat(RightsizingChanges.quantity("cpu", "250m", true)).isEqualTo(250);
    assertThat(RightsizingChanges.quantity("cpu", "1.5", true)).isEqualTo(1500);
    assertThat(RightsizingChanges.quantity("memory", "256Mi", false)).isEqualTo(256L << 20);
    assertThat(RightsizingChanges.quantity("cpu", " ", true)).isNull();
    assertThatThrownBy(() -> RightsizingChanges.quantity("cpu", "300", true))
        .isInstanceOf(RightsizingException.class)
        .hasMessageContaining("between 1m and 256");
    assertThatThrownBy(() -> RightsizingChanges.quantity("memory", "12", false))
        .hasMessageContaining("between 1Mi and 1Ti");
    assertThatThrownBy(() -> RightsizingChanges.quantity("memory", "lots", false))
        .hasMessageContaining("a quantity");
  }

  @Test
  void kindsWhoseTemplateCanBePatchedAreAccepted() {
    assertThat(RightsizingChanges.ref("local", request("deployments", "app")).kind())
        .isEqualTo(WorkloadKind.DEPLOYMENT);
    assertThat(RightsizingChanges.ref("local", request("CronJob", "app")).kind())
        .isEqualTo(WorkloadKind.CRONJOB);
    assertThatThrownBy(() -> RightsizingChanges.ref("local", request("Job", "app")))
        .isInstanceOf(RightsizingException.class)
        .extracting(e -> ((RightsizingException) e).code())
        .isEqualTo(RightsizingException.UNSUPPORTED_KIND);
    assertThatThrownBy(() -> RightsizingChanges.ref("local", request("ReplicaSet", "app")))
        .isInstanceOf(RightsizingException.class);
  }
}
