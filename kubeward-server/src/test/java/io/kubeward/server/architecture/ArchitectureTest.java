package io.kubeward.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The server is organised by feature like core ({@code io.kubeward.server.<feature>}: its REST
 * controllers, wiring and properties); features form no cycle and core never sees the server.
 */
class ArchitectureTest {

  private static final JavaClasses SERVER =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.kubeward");

  @Test
  void serverFeaturesFormNoCycle() {
    slices().matching("io.kubeward.server.(*)..").should().beFreeOfCycles().check(SERVER);
  }

  @Test
  void coreNeverDependsOnTheServer() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.kubeward.server..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.kubeward.server..")
        .check(SERVER);
  }
}
