package io.kubeward.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * House style, enforced on the compiled classes: features ({@code io.kubeward.<feature>}) form no
 * cycle; {@code domain} is pure (no client, no adapter, no use case, no framework); {@code app}
 * depends on ports, not on the client, the adapters, the controllers or a framework.
 */
class ArchitectureTest {

  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.kubeward");

  @Test
  void featuresFormNoCycle() {
    slices().matching("io.kubeward.(*)..").should().beFreeOfCycles().check(CORE);
  }

  @Test
  void layersInsideAFeatureFormNoCycle() {
    slices().matching("io.kubeward.(**)").should().beFreeOfCycles().check(CORE);
  }

  @Test
  void domainIsPure() {
    noClasses()
        .that()
        .resideInAPackage("..domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.fabric8.kubernetes.client..",
            "..kube..",
            "..app..",
            "..reconcile..",
            "org.springframework..",
            "jakarta..",
            "org.slf4j..")
        .check(CORE);
  }

  @Test
  void applicationLayerDependsOnPortsNotOnAdaptersClientsOrFrameworks() {
    noClasses()
        .that()
        .resideInAPackage("..app..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.fabric8.kubernetes.client..",
            "..kube..",
            "..reconcile..",
            "org.springframework..",
            "jakarta..")
        .check(CORE);
  }
}
