package io.kubeward.backup.kube.restore;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.kubeward.access.domain.IdentityStamp;
import io.kubeward.access.domain.KubeIdentity;
import io.kubeward.access.kube.SpecDigest;
import io.kubeward.backup.domain.restore.ExistingPolicy;
import io.kubeward.backup.domain.restore.RestoreObject;
import io.kubeward.backup.domain.restore.RestorePhase;
import io.kubeward.backup.domain.restore.RestoreSource;
import io.kubeward.backup.domain.restore.RestoreSpec;
import io.kubeward.backup.domain.restore.RestoreStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RestoreResourcesTest {

  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  @Test
  void theStampOfTheWrittenSpecVerifiesAgainstTheSpecReadBack() {
    RestoreSpec spec =
        new RestoreSpec(
            RestoreSource.ofBackup("ops", "nightly"),
            Map.of("shop", "shop-2"),
            "app=web",
            List.of(),
            null,
            List.of("deployments.apps"),
            null,
            ExistingPolicy.Overwrite,
            null);
    Map<String, Object> written = RestoreResources.toMap(spec);
    IdentityStamp stamp = IdentityStamp.withKey(new byte[32]);
    KubeIdentity who = new KubeIdentity("kubeward:ann", List.of("kubeward:users"));
    String value = stamp.stamp("Restore", "ops", "r1", SpecDigest.of(written), who);
    GenericKubernetesResource created =
        RestoreResources.newResource("ops", "r1", written, Map.of(IdentityStamp.ANNOTATION, value));

    // as the apiserver gives it back: JSON, then read by the controller
    GenericKubernetesResource read =
        JSON.unmarshal(JSON.asJson(created), GenericKubernetesResource.class);
    RestoreObject restore = RestoreResources.toRestore(read);

    assertThat(restore.spec()).isEqualTo(spec);
    assertThat(SpecDigest.of(restore.rawSpec())).isEqualTo(SpecDigest.of(spec));
    assertThat(
            stamp.verify(
                "Restore",
                "ops",
                "r1",
                SpecDigest.of(restore.rawSpec()),
                restore.annotations().get(IdentityStamp.ANNOTATION)))
        .contains(who);

    // an edited spec (kubectl) breaks it
    @SuppressWarnings("unchecked")
    Map<String, Object> edited = (Map<String, Object>) read.getAdditionalProperties().get("spec");
    edited.put("existing", "Skip");
    assertThat(stamp.verify("Restore", "ops", "r1", SpecDigest.of(edited), value)).isEmpty();
  }

  @Test
  void statusRoundTripsAndAWrongShapeReadsAsEmpty() {
    RestoreStatus status =
        RestoreStatus.EMPTY.toBuilder()
            .phase(RestorePhase.Restoring)
            .progress(new RestoreStatus.Progress(3, 7))
            .stage("WORKLOADS")
            .build();
    assertThat(RestoreResources.status(RestoreResources.toMap(status))).isEqualTo(status);
    assertThat(RestoreResources.status(Map.of("phase", 42, "conditions", "x")))
        .isEqualTo(RestoreStatus.EMPTY);
    assertThat(RestoreResources.spec(Map.of("source", "nope"))).isNull();
  }
}
