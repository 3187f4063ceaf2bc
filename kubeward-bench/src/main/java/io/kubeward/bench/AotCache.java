package io.kubeward.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The server jar in the form the JVM's AOT cache (JDK 25, JEP 483/514) needs, and the cache from
 * one training run: Spring Boot's documented way ({@code java -Djarmode=tools -jar app.jar
 * extract}, then a run with {@code -XX:AOTCacheOutput} and {@code
 * -Dspring.context.exit=onRefresh}). An operator does the same once per release (README, "Faster
 * start"); the benchmark measures the cold start both ways.
 *
 * @param jar the extracted application jar (run it with {@code -jar})
 * @param cache the AOT cache file
 */
record AotCache(Path jar, Path cache) {

  /** Extracts {@code serverJar} into {@code folder} and runs the training against a cluster. */
  static AotCache train(Path serverJar, Path kubeconfig, Path folder, Duration timeout)
      throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Files.createDirectories(folder);
    Path app = folder.resolve("app");
    run(
        List.of(
            java.toString(),
            "-Djarmode=tools",
            "-jar",
            serverJar.toString(),
            "extract",
            "--destination",
            app.toString()),
        folder.resolve("extract.log"),
        timeout);
    Path jar = app.resolve(serverJar.getFileName());
    Path cache = folder.resolve("kubeward.aot");
    List<String> training = new ArrayList<>();
    training.add(java.toString());
    training.add("-XX:AOTCacheOutput=" + cache);
    training.add("-Dspring.context.exit=onRefresh");
    training.add("-jar");
    training.add(jar.toString());
    training.add("--kubeconfig=" + kubeconfig);
    training.add("--server.port=0");
    training.add("--kubeward.security.admin-password=aot-training-" + System.nanoTime());
    training.add("--kubeward.data-dir=" + folder.resolve("training-data"));
    run(training, folder.resolve("training.log"), timeout);
    if (!Files.isRegularFile(cache)) {
      throw new IOException("the training run wrote no AOT cache; see " + folder);
    }
    return new AotCache(jar, cache);
  }

  /** The JVM option that uses the cache. */
  List<String> jvmOptions() {
    return List.of("-XX:AOTCache=" + cache);
  }

  private static void run(List<String> command, Path log, Duration timeout)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException(command.get(1) + " did not finish in " + timeout + "; see " + log);
    }
    if (process.exitValue() != 0) {
      throw new IOException(
          "exit " + process.exitValue() + " from " + String.join(" ", command) + "; see " + log);
    }
  }
}
