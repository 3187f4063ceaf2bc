package io.kubeward.backup.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubeward.access.domain.IdentityStamp;
import io.kubeward.access.domain.KubeIdentity;
import io.kubeward.access.kube.SpecDigest;
import io.kubeward.backup.domain.BackupScheduleSpec;
import io.kubeward.backup.domain.BackupScope;
import io.kubeward.backup.domain.BackupSpec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The stamp the API writes over the typed spec verifies against the raw spec the controller reads
 * back (the JSON the apiserver returns), and not after any change of it.
 */
class BackupIdentityTest {

  private static final BackupIdentity IDENTITY =
      new BackupIdentity(
          IdentityStamp.withKey(
              "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8)));
  private static final KubeIdentity ANA =
      new KubeIdentity("kubeward:ana", List.of("kubeward:users"));

  private static final BackupSpec SPEC =
      new BackupSpec(
          new BackupScope(
              List.of("shop"),
              null,
              List.of("deployments.apps"),
              null,
              "app=web",
              null,
              true,
              false),
          "local",
          "720h");

  /** The spec as the apiserver hands it back: JSON text parsed into maps, lists, numbers. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> readBack(Object spec) throws Exception {
    ObjectMapper json = new ObjectMapper();
    String written = json.writeValueAsString(BackupResources.toMap(spec));
    return json.readValue(written, Map.class);
  }

  @Test
  void theDigestOfTheTypedSpecIsTheDigestOfTheRawSpecReadBack() throws Exception {
    assertThat(SpecDigest.of(readBack(SPEC))).isEqualTo(SpecDigest.of(BackupResources.toMap(SPEC)));
    BackupScheduleSpec schedule =
        new BackupScheduleSpec(
            "0 3 * * *", "Europe/Berlin", SPEC, new BackupScheduleSpec.Retention(3, "168h"), null);
    assertThat(SpecDigest.of(readBack(schedule)))
        .isEqualTo(SpecDigest.of(BackupResources.toMap(schedule)));
    // and the typed record parsed from the raw map stamps the same (schedule → child template)
    BackupSpec reparsed = BackupResources.convert(readBack(SPEC), BackupSpec.class);
    assertThat(SpecDigest.of(BackupResources.toMap(reparsed)))
        .isEqualTo(SpecDigest.of(readBack(SPEC)));
  }

  @Test
  void aStampVerifiesAgainstTheRawSpecAndNamesItsIdentity() throws Exception {
    String stamp = IDENTITY.stamp("Backup", "shop", "nightly", SPEC, ANA);
    assertThat(
            IDENTITY.verify(
                "Backup",
                "shop",
                "nightly",
                readBack(SPEC),
                Map.of(IdentityStamp.ANNOTATION, stamp)))
        .contains(ANA);
  }

  @Test
  void aChangedSpecAnotherObjectOrNoStampIsNotAttributed() throws Exception {
    String stamp = IDENTITY.stamp("Backup", "shop", "nightly", SPEC, ANA);
    Map<String, Object> changed = readBack(SPEC);
    ((Map<String, Object>) changed.get("scope")).put("includeSecrets", true);
    Map<String, String> annotations = Map.of(IdentityStamp.ANNOTATION, stamp);
    assertThat(IDENTITY.verify("Backup", "shop", "nightly", changed, annotations)).isEmpty();
    Map<String, Object> extra = readBack(SPEC);
    extra.put("unknownField", "x"); // the typed spec would ignore it: the digest does not
    assertThat(IDENTITY.verify("Backup", "shop", "nightly", extra, annotations)).isEmpty();
    assertThat(IDENTITY.verify("Backup", "shop", "other", readBack(SPEC), annotations)).isEmpty();
    assertThat(IDENTITY.verify("Restore", "shop", "nightly", readBack(SPEC), annotations))
        .isEmpty();
    assertThat(IDENTITY.verify("Backup", "shop", "nightly", readBack(SPEC), Map.of())).isEmpty();
  }
}
