package io.kubeward.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The server's fast start as Kubeward's launchers make it (ADR 0056): {@code bin/lib/fast-start.sh}
 * extracts the jar and trains the JVM's AOT cache (JDK 25+; a CDS archive on JDK 21-24) in a run
 * that needs no cluster and stops when Spring's context is refreshed. The benchmark runs the same
 * script, so its "with AOT cache" figure is what {@code bin/sandbox}, {@code bin/server} and the
 * container image start with.
 *
 * @param jar the extracted application jar (run it with {@code -jar})
 * @param cache the AOT cache file (or CDS archive)
 */
record AotCache(Path jar, Path cache) {

  /** The launchers' script, relative to the repository root (bin/benchmark runs there). */
  static final Path SCRIPT = Path.of("bin", "lib", "fast-start.sh");

  /** Extracts {@code serverJar} into {@code folder} and runs the launchers' training there. */
  static AotCache train(Path serverJar, Path folder, Duration timeout)
      throws IOException, InterruptedException {
    if (!Files.isRegularFile(SCRIPT)) {
      throw new IOException(SCRIPT.toAbsolutePath() + " is missing: run from the repository root");
    }
    Files.createDirectories(folder);
    Path log = folder.resolve("fast-start.log");
    ProcessBuilder training =
        new ProcessBuilder(
                List.of(
                    "bash",
                    "-c",
                    "source \"$1\" && kw_fast_start_train \"$2\" \"$3\"",
                    "fast-start",
                    SCRIPT.toString(),
                    serverJar.toAbsolutePath().toString(),
                    folder.toAbsolutePath().toString()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    training.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process process = training.start();
    if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException("the AOT training did not finish in " + timeout + "; see " + folder);
    }
    Path jar = folder.resolve("app").resolve(serverJar.getFileName());
    for (String name : List.of("kubeward.aot", "kubeward.jsa")) {
      Path cache = folder.resolve(name);
      if (process.exitValue() == 0 && Files.isRegularFile(cache) && Files.isRegularFile(jar)) {
        return new AotCache(jar, cache);
      }
    }
    throw new IOException(
        "the training wrote no AOT cache (exit " + process.exitValue() + "); see " + folder);
  }

  /** The JVM option that uses the cache (the same as the launchers'). */
  List<String> jvmOptions() {
    return List.of(
        cache.getFileName().toString().endsWith(".jsa")
            ? "-XX:SharedArchiveFile=" + cache
            : "-XX:AOTCache=" + cache);
  }
}
