package io.kubeward.cluster.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The table of cached kinds is consistent with itself and with the model classes it names. */
class CachedKindTest {

  @ParameterizedTest
  @EnumSource(CachedKind.class)
  void everyRowProjectsAnObjectOfItsModelWithNothingButMetadata(CachedKind kind) {
    CachedKind.Model<?, ?> model = kind.model();

    HasMetadata stub = model.stubs().get();
    assertThat(stub).isInstanceOf(model.type());
    stub.setMetadata(
        new ObjectMetaBuilder()
            .withNamespace(kind.namespaced() ? "shop" : null)
            .withName("x")
            .withUid("u")
            .withResourceVersion("1")
            .withLabels(Map.of("app", "web"))
            .build());

    KubeObjectView view = project(model, stub);

    assertThat(view.name()).isEqualTo("x");
    assertThat(view.namespace()).isEqualTo(kind.namespaced() ? "shop" : null);
    assertThat(view.labels()).containsEntry("app", "web");
  }

  @ParameterizedTest
  @EnumSource(CachedKind.class)
  void typedRowsReadTheirOwnKindAtTheirOwnApiVersion(CachedKind kind) {
    if (kind.metadataOnly()) {
      return;
    }
    Class<? extends HasMetadata> type = kind.model().type();

    assertThat(HasMetadata.getApiVersion(type)).isEqualTo(kind.apiVersion());
    assertThat(HasMetadata.getKind(type)).isEqualTo(kind.kind());
    assertThat(HasMetadata.getPlural(type)).isEqualTo(kind.plural());
  }

  @Test
  void onlySecretsAreReadAsMetadata() {
    assertThat(Arrays.stream(CachedKind.values()).filter(CachedKind::metadataOnly))
        .containsExactly(CachedKind.SECRETS);
    assertThat(HasMetadata.getKind(Secret.class)).isEqualTo(CachedKind.SECRETS.kind());
  }

  @Test
  void theOverviewsKindsAreTheOnesThatListFirst() {
    EnumSet<CachedKind> first = EnumSet.noneOf(CachedKind.class);
    for (CachedKind kind : CachedKind.values()) {
      if (kind.listOrder() == CachedKind.ListOrder.FIRST) {
        first.add(kind);
      }
    }

    assertThat(first).isEqualTo(ClusterSnapshot.KINDS);
  }

  @Test
  void podsGetTheirOwnIndexesAndClusterScopedKindsNoNamespaceIndex() {
    assertThat(CachedKind.PODS.indexes())
        .containsOnlyKeys(
            Indexes.NAMESPACE,
            Indexes.LABEL,
            Indexes.OWNER,
            Indexes.NODE,
            Indexes.PHASE,
            Indexes.PROBLEM);
    assertThat(CachedKind.DEPLOYMENTS.indexes())
        .containsOnlyKeys(Indexes.NAMESPACE, Indexes.LABEL, Indexes.OWNER, Indexes.PHASE);
    assertThat(CachedKind.NODES.indexes())
        .containsOnlyKeys(Indexes.LABEL, Indexes.OWNER, Indexes.PHASE);
    assertThat(CachedKind.byPlural("pods")).contains(CachedKind.PODS);
    assertThat(CachedKind.PODS.model().type()).isEqualTo(Pod.class);
  }

  @SuppressWarnings("unchecked")
  private static <T extends HasMetadata> KubeObjectView project(
      CachedKind.Model<T, ?> model, HasMetadata object) {
    return ((Function<T, ? extends KubeObjectView>) model.projection()).apply((T) object);
  }
}
