package io.kubeward.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The reference: kubectl against the same apiserver, timed as a user would experience it. */
final class Kubectl {

  private final Path binary;
  private final Path kubeconfig;
  private final Path workDir;

  Kubectl(Path kubeconfig, Path workDir) {
    this.binary = locate();
    this.kubeconfig = kubeconfig;
    this.workDir = workDir;
  }

  /** kubectl 1.33 from the Google Cloud SDK if present (within skew of 1.34), else PATH's. */
  private static Path locate() {
    return io.kubeward.testkit.Kubectl.binary();
  }

  String version() {
    return binary.getFileName().toString();
  }

  record Timed(Duration wall, int items) {}

  /** Runs {@code kubectl <args> -o json}, output to a file; the wall time and the item count. */
  Timed getJson(String... args) throws IOException, InterruptedException {
    Path out = Files.createTempFile(workDir, "kubectl-", ".json");
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.add("--kubeconfig=" + kubeconfig);
    command.add("get");
    command.addAll(List.of(args));
    command.add("-o");
    command.add("json");
    long start = System.nanoTime();
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IOException("kubectl " + String.join(" ", args) + " failed");
    }
    Duration wall = Duration.ofNanos(System.nanoTime() - start);
    int items = countItems(out);
    Files.delete(out);
    return new Timed(wall, items);
  }

  private static int countItems(Path json) throws IOException {
    try (JsonParser parser = new ObjectMapper().getFactory().createParser(json.toFile())) {
      int depth = 0;
      int items = 0;
      boolean inItems = false;
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.FIELD_NAME && depth == 1 && "items".equals(parser.currentName())) {
          inItems = true;
        } else if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
          if (inItems && depth == 2 && token == JsonToken.START_OBJECT) {
            items++;
          }
          depth++;
        } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
          depth--;
          if (depth == 1) {
            inItems = false;
          }
        }
      }
      return items;
    }
  }
}
