package io.kubeward.access.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.access.domain.AccessRule;
import io.kubeward.access.domain.AccessRules;
import io.kubeward.access.domain.KubeIdentity;
import io.kubeward.access.domain.NamespaceVisibility;
import io.kubeward.access.domain.ResourceAction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class CachedAccessReviewsTest {

  private static final KubeIdentity ALICE = new KubeIdentity("kubeward:alice", List.of());
  private static final ResourceAction PATCH_NODES = ResourceAction.of("patch", "", "nodes", null);

  /** Counts the questions that reach the "cluster". */
  private static final class Counting implements AccessReviews {
    final AtomicInteger allows = new AtomicInteger();
    final AtomicInteger rules = new AtomicInteger();

    @Override
    public boolean allows(String cluster, KubeIdentity who, ResourceAction action) {
      allows.incrementAndGet();
      return true;
    }

    @Override
    public NamespaceVisibility namespaces(
        String cluster,
        KubeIdentity who,
        ResourceAction action,
        Supplier<? extends Collection<String>> namespaces) {
      return NamespaceVisibility.ALL;
    }

    @Override
    public AccessRules rules(String cluster, KubeIdentity who, String namespace) {
      rules.incrementAndGet();
      return new AccessRules(
          List.of(new AccessRule(List.of("get"), List.of(""), List.of("pods"), List.of())),
          false,
          null);
    }
  }

  private final Counting live = new Counting();
  private final AtomicLong generation = new AtomicLong();
  private Instant now = Instant.parse("2026-12-03T00:00:00Z");
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };
  private final CachedAccessReviews cached =
      new CachedAccessReviews(
          live,
          new CachedAccessReviews.Settings(Duration.ofSeconds(30), 100),
          cluster -> generation.get(),
          clock);

  /** Lets the first sight of the current access generation settle. */
  private void settled() {
    cached.allows("local", new KubeIdentity("kubeward:warm-up", List.of()), PATCH_NODES);
    now = now.plus(CachedAccessReviews.SETTLE).plusSeconds(1);
    live.allows.set(0);
  }

  @Test
  void rulesAreRememberedPerNamespaceUntilTheTtlOrAnRbacChange() {
    settled();
    AccessRules first = cached.rules("local", ALICE, "shop");
    cached.rules("local", ALICE, "shop");
    assertThat(live.rules).hasValue(1);
    assertThat(first.allows("get", "", "pods")).isTrue();

    cached.rules("local", ALICE, "other");
    assertThat(live.rules).as("another namespace is another question").hasValue(2);

    now = now.plusSeconds(31);
    cached.rules("local", ALICE, "shop");
    assertThat(live.rules).as("after the ttl").hasValue(3);
  }

  @Test
  void answersAskedRightAfterAnRbacChangeAreNotRememberedUntilItSettles() {
    settled();
    cached.allows("local", ALICE, PATCH_NODES);
    cached.allows("local", ALICE, PATCH_NODES);
    assertThat(live.allows).hasValue(1);

    generation.incrementAndGet(); // a RoleBinding changed
    cached.allows("local", ALICE, PATCH_NODES);
    cached.allows("local", ALICE, PATCH_NODES);
    assertThat(live.allows)
        .as("the apiserver may not have applied the change yet: ask again")
        .hasValue(3);

    now = now.plus(CachedAccessReviews.SETTLE);
    cached.allows("local", ALICE, PATCH_NODES);
    cached.allows("local", ALICE, PATCH_NODES);
    assertThat(live.allows).hasValue(4);
  }

  @Test
  void rulesAndAccessReviewsAreDifferentQuestions() {
    settled();
    cached.allows("local", ALICE, PATCH_NODES);
    cached.rules("local", ALICE, "shop");
    cached.allows("local", ALICE, PATCH_NODES);

    assertThat(live.allows).hasValue(1);
    assertThat(live.rules).hasValue(1);
    assertThat(cached.size()).isEqualTo(2);
  }
}
