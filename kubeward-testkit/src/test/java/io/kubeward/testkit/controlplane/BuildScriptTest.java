package io.kubeward.testkit.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build script fails loudly, with the Go error, when a wrapper module cannot build. */
class BuildScriptTest {

  @TempDir Path work;

  @Test
  void failedGoBuildExitsNonZeroNamingTheModuleAndQuotingGo() throws Exception {
    Path goDir = copyOf(Path.of("go"), work.resolve("go"));
    Path etcdMod = goDir.resolve("etcd/go.mod");
    Files.writeString(
        etcdMod,
        Files.readString(etcdMod)
            .replace("go.etcd.io/etcd/server/v3 v3.6.16", "go.etcd.io/etcd/server/v3 v3.6.99"));
    ProcessBuilder builder =
        new ProcessBuilder("bash", goDir.resolve("build-controlplane.sh").toString())
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("out.txt").toFile());
    builder.environment().put("KUBEWARD_CACHE", work.resolve("cache").toString());

    Process process = builder.start();
    boolean ended = process.waitFor(5, TimeUnit.MINUTES);
    String output = Files.readString(work.resolve("out.txt"), StandardCharsets.UTF_8);

    assertThat(ended).as("build script ended").isTrue();
    assertThat(process.exitValue()).as(output).isNotZero();
    assertThat(output)
        .contains("ERROR: go build failed in etcd")
        .contains("go.etcd.io/etcd/server/v3");
  }

  private static Path copyOf(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.sorted(Comparator.naturalOrder()).toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
    return to;
  }
}
