package io.kubeward.access.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.access.kube.SpecDigest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdentityStampTest {

  private final IdentityStamp stamps = IdentityStamp.withKey(new byte[32]);
  private final KubeIdentity alice =
      new KubeIdentity("kubeward:alice", List.of(KubeIdentity.USERS_GROUP));

  @Test
  void aStampNamesWhoCreatedTheObjectWithThisSpec() {
    String digest = SpecDigest.of(Map.of("namespaces", List.of("shop")));
    String stamp = stamps.stamp("Backup", "ops", "nightly", digest, alice);

    assertThat(stamps.verify("Backup", "ops", "nightly", digest, stamp)).contains(alice);
  }

  @Test
  void aChangedSpecACopiedStampOrAnotherKeyIsRefused() {
    String digest = SpecDigest.of(Map.of("namespaces", List.of("shop")));
    String stamp = stamps.stamp("Backup", "ops", "nightly", digest, alice);

    String wider = SpecDigest.of(Map.of("namespaces", List.of()));
    assertThat(stamps.verify("Backup", "ops", "nightly", wider, stamp)).isEmpty();
    assertThat(stamps.verify("Backup", "ops", "other", digest, stamp)).isEmpty();
    assertThat(stamps.verify("Restore", "ops", "nightly", digest, stamp)).isEmpty();
    byte[] other = new byte[32];
    other[0] = 1;
    assertThat(IdentityStamp.withKey(other).verify("Backup", "ops", "nightly", digest, stamp))
        .isEmpty();
  }

  @Test
  void aForgedIdentityOrGarbageIsRefused() {
    String digest = SpecDigest.of(null);
    String stamp = stamps.stamp("Backup", "ops", "nightly", digest, alice);
    KubeIdentity admin =
        new KubeIdentity(
            "kubeward:alice", List.of(KubeIdentity.USERS_GROUP, KubeIdentity.ADMINS_GROUP));
    String mac = stamp.substring(stamp.lastIndexOf('.'));
    String forged =
        "v1."
            + java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    "kubeward:alice\nkubeward:users\nkubeward:admins"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
            + mac;

    assertThat(stamps.verify("Backup", "ops", "nightly", digest, forged)).isEmpty();
    assertThat(stamps.stamp("Backup", "ops", "nightly", digest, admin)).isNotEqualTo(forged);
    for (String garbage : List.of("", "v1.", "v1.%%.x", "v1.a.b.c", "v2.abc.def")) {
      assertThat(stamps.verify("Backup", "ops", "nightly", digest, garbage)).isEmpty();
    }
    assertThat(stamps.verify("Backup", "ops", "nightly", digest, null)).isEmpty();
  }

  @Test
  void theDigestIgnoresKeyOrderAndNullMembers() {
    java.util.Map<String, Object> withNull = new java.util.HashMap<>();
    withNull.put("b", 1);
    withNull.put("a", "x");
    withNull.put("c", null);
    assertThat(SpecDigest.of(withNull))
        .isEqualTo(SpecDigest.of(new java.util.TreeMap<>(Map.of("a", "x", "b", 1))));
    assertThat(SpecDigest.of(Map.of("a", "x"))).isNotEqualTo(SpecDigest.of(Map.of("a", "y")));
  }
}
