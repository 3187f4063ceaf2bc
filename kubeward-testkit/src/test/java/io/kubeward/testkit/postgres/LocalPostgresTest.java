package io.kubeward.testkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPostgresTest {

  @TempDir Path root;

  @Test
  void missingBinariesNameTheDebianPackage() {
    assertThatIllegalStateException()
        .isThrownBy(() -> LocalPostgres.findBinaries(root.resolve("nothing")))
        .withMessageContaining("apt-get install -y postgresql");
  }

  @Test
  void theNewestMajorWithInitdbAndPgCtlIsChosen() throws Exception {
    for (String major : new String[] {"13", "15", "16"}) {
      Path bin = Files.createDirectories(root.resolve(major).resolve("bin"));
      for (String tool :
          major.equals("16") ? new String[] {"pg_ctl"} : new String[] {"initdb", "pg_ctl"}) {
        Files.createFile(
            bin.resolve(tool),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
      }
    }

    assertThat(LocalPostgres.findBinaries(root)).isEqualTo(root.resolve("15").resolve("bin"));
  }
}
