package io.kubeward.backup.app.restore;

import static io.kubeward.backup.app.restore.Fakes.ref;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.backup.domain.ObjectRef;
import io.kubeward.backup.domain.restore.ExistingPolicy;
import io.kubeward.backup.domain.restore.RestoreSource;
import io.kubeward.backup.domain.restore.RestoreSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RestorePlanTest {

  static final RestoreSpec SPEC = RestoreSpec.of(RestoreSource.ofBackup("ops", "nightly"));
  static final ObjectRef NS = ref("v1", "Namespace", null, "shop");
  static final ObjectRef CM = ref("v1", "ConfigMap", "shop", "settings");
  static final ObjectRef DEPLOY = ref("apps/v1", "Deployment", "shop", "web");
  static final ObjectRef WIDGET = ref("example.com/v1", "Widget", "shop", "w1");
  static final ObjectRef GADGET = ref("example.com/v1", "Gadget", "shop", "g1");
  static final ObjectRef CRD =
      ref("apiextensions.k8s.io/v1", "CustomResourceDefinition", null, "widgets.example.com");

  Fakes.Archive archive = new Fakes.Archive();
  Fakes.Cluster cluster = new Fakes.Cluster();

  static Map<String, Object> crd() {
    Map<String, Object> o = Fakes.object(CRD, Map.of());
    o.put(
        "spec",
        new LinkedHashMap<>(
            Map.of(
                "group", "example.com", "names", Map.of("kind", "Widget", "plural", "widgets"))));
    return o;
  }

  private Map<PreviewVerdict, Integer> counts(RestoreSpec spec) {
    return new RestorePlan(spec, cluster).preview(archive, 100).counts();
  }

  private PreviewItem item(RestoreSpec spec, ObjectRef source) {
    return new RestorePlan(spec, cluster)
        .preview(archive, 100).items().stream()
            .filter(i -> i.source().equals(source))
            .findFirst()
            .orElseThrow();
  }

  @Test
  void newObjectsAreCreatedExistingSkippedByDefault() {
    archive.add(NS).add(CM).add(DEPLOY);
    cluster.has(NS).has(CM);
    RestorePreview preview = new RestorePlan(SPEC, cluster).preview(archive, 100);
    assertThat(preview.items())
        .extracting(PreviewItem::source, PreviewItem::verdict)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(NS, PreviewVerdict.EXISTS_SKIP),
            org.assertj.core.groups.Tuple.tuple(CM, PreviewVerdict.EXISTS_SKIP),
            org.assertj.core.groups.Tuple.tuple(DEPLOY, PreviewVerdict.CREATE));
    assertThat(preview.selected()).isEqualTo(3);
    assertThat(preview.archiveSha256()).isEqualTo("abc");
  }

  @Test
  void overwriteIsCheckedByADryRunAndImmutableChangesConflict() {
    archive.add(NS).add(DEPLOY).add(CM);
    cluster.has(NS).has(DEPLOY).has(CM);
    cluster.immutable.add(DEPLOY);
    RestoreSpec overwrite = SPEC.withExisting(ExistingPolicy.Overwrite);
    assertThat(item(overwrite, CM).verdict()).isEqualTo(PreviewVerdict.EXISTS_OVERWRITE);
    PreviewItem conflict = item(overwrite, DEPLOY);
    assertThat(conflict.verdict()).isEqualTo(PreviewVerdict.CONFLICT);
    assertThat(conflict.reason()).contains("field is immutable");
    assertThat(cluster.writes).isEmpty(); // a preview never writes
  }

  @Test
  void missingCrdsAndNamespaceGapsCannotBeRestored() {
    archive.add(WIDGET).add(CM);
    PreviewItem widget = item(SPEC, WIDGET);
    assertThat(widget.verdict()).isEqualTo(PreviewVerdict.CANNOT_RESTORE);
    assertThat(widget.reason()).contains("no CRD");
    PreviewItem cm = item(SPEC.withNamespaceMapping(Map.of("shop", "shop-2")), CM);
    assertThat(cm.verdict()).isEqualTo(PreviewVerdict.CANNOT_RESTORE);
    assertThat(cm.reason()).contains("namespace shop-2 (mapped from shop) does not exist");
    assertThat(cm.target()).isEqualTo(ref("v1", "ConfigMap", "shop-2", "settings"));
  }

  @Test
  void aCrdInTheArchiveServesItsCustomResources() {
    archive.put(CRD, crd()).add(NS).add(WIDGET).add(GADGET);
    assertThat(item(SPEC, WIDGET).verdict()).isEqualTo(PreviewVerdict.CREATE);
    assertThat(item(SPEC, GADGET).verdict()).isEqualTo(PreviewVerdict.CANNOT_RESTORE);
    assertThat(counts(SPEC)).containsEntry(PreviewVerdict.CREATE, 3);
  }

  @Test
  void theCallersRightsDecide() {
    archive.add(NS).add(CM).add(DEPLOY);
    cluster.has(NS).has(DEPLOY);
    cluster.forbidden.add("create|ConfigMap");
    cluster.forbidden.add("patch|Deployment");
    PreviewItem cm = item(SPEC, CM);
    assertThat(cm.verdict()).isEqualTo(PreviewVerdict.CANNOT_RESTORE);
    assertThat(cm.reason()).isEqualTo("you may not create ConfigMap in namespace shop");
    PreviewItem deploy = item(SPEC.withExisting(ExistingPolicy.Overwrite), DEPLOY);
    assertThat(deploy.verdict()).isEqualTo(PreviewVerdict.CANNOT_RESTORE);
    assertThat(deploy.reason()).startsWith("you may not overwrite it");
  }

  @Test
  void mappingTwoNamespacesOntoObjectsOfOneConflictsAndNeverRestoredAreShown() {
    ObjectRef other = ref("v1", "ConfigMap", "shop-2", "settings");
    archive.add(NS).add(CM).add(other).add(ref("v1", "Event", "shop", "e1"));
    RestoreSpec spec = SPEC.withNamespaceMapping(Map.of("shop-2", "shop"));
    assertThat(item(spec, other).verdict()).isEqualTo(PreviewVerdict.CONFLICT);
    assertThat(item(spec, other).reason()).contains("same object as ConfigMap shop/settings");
    assertThat(counts(spec)).containsEntry(PreviewVerdict.NOT_RESTORED, 1);
  }

  @Test
  void theLabelFilterAndTheLimit() {
    archive.add(NS).add(CM, Map.of("app", "web")).add(DEPLOY, Map.of("app", "db"));
    RestorePreview preview =
        new RestorePlan(SPEC.withLabelSelector("app=web"), cluster).preview(archive, 100);
    assertThat(preview.items()).extracting(PreviewItem::source).containsExactly(CM);
    RestorePreview limited = new RestorePlan(SPEC, cluster).preview(archive, 2);
    assertThat(limited.items()).hasSize(2);
    assertThat(limited.truncated()).isTrue();
    assertThat(limited.counts().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(3);
  }
}
