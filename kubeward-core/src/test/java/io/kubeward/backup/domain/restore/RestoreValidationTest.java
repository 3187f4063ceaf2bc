package io.kubeward.backup.domain.restore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RestoreValidationTest {

  private static final RestoreSpec OK = RestoreSpec.of(RestoreSource.ofBackup("ops", "nightly"));

  @Test
  void aBackupSourceIsValid() {
    assertThat(RestoreValidation.validate("r1", OK)).isEmpty();
    assertThat(
            RestoreValidation.validate(
                "r1",
                RestoreSpec.of(RestoreSource.ofArchive("local", "backups/c/ns/b/archive.zip"))))
        .isEmpty();
  }

  @Test
  void theSourceNamesABackupOrAKeyNeverBothNorNone() {
    assertThat(
            RestoreValidation.validate(
                "r", RestoreSpec.of(new RestoreSource(null, "ops", "b", "local", "k"))))
        .extracting(RestoreProblem::field)
        .contains("spec.source");
    assertThat(
            RestoreValidation.validate(
                "r", RestoreSpec.of(new RestoreSource(null, null, null, null, null))))
        .extracting(RestoreProblem::field)
        .contains("spec.source");
    assertThat(
            RestoreValidation.validate(
                "r", RestoreSpec.of(RestoreSource.ofArchive("local", "../etc/passwd"))))
        .extracting(RestoreProblem::field)
        .containsExactly("spec.source.archiveKey");
    assertThat(RestoreValidation.validate("r", null))
        .extracting(RestoreProblem::field)
        .containsExactly("spec");
  }

  @Test
  void mappingsAreNamespacesAndNeverMergeTwoNamespaces() {
    assertThat(RestoreValidation.validate("r", OK.withNamespaceMapping(Map.of("a", "c", "b", "c"))))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("two namespaces cannot become one"));
    assertThat(RestoreValidation.validate("r", OK.withNamespaceMapping(Map.of("a", "Not_Valid"))))
        .extracting(RestoreProblem::field)
        .containsExactly("spec.namespaceMapping.a");
    assertThat(RestoreValidation.validate("r", OK.withNamespaceMapping(Map.of("a", "b", "b", "a"))))
        .isEmpty();
  }

  @Test
  void selectorsAndNamesAreChecked() {
    assertThat(RestoreValidation.validate("r", OK.withLabelSelector("app in (a,")))
        .extracting(RestoreProblem::field)
        .containsExactly("spec.labelSelector");
    RestoreSpec names =
        new RestoreSpec(
            OK.source(),
            null,
            "app=web",
            List.of("shop"),
            List.of("bad ns"),
            List.of("deployments.apps"),
            List.of("*"),
            ExistingPolicy.Overwrite,
            null);
    assertThat(RestoreValidation.validate("r", names))
        .extracting(RestoreProblem::field)
        .containsExactly("spec.excludedNamespaces[0]");
    assertThat(RestoreValidation.validate("Bad_Name", OK))
        .extracting(RestoreProblem::field)
        .containsExactly("metadata.name");
  }
}
