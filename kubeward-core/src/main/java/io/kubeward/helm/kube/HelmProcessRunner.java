package io.kubeward.helm.kube;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.KubeIdentity;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.cluster.kube.ClusterClients.Intent;
import io.kubeward.helm.app.HelmRunner;
import io.kubeward.helm.domain.ChartSource;
import io.kubeward.helm.domain.HelmCommand;
import io.kubeward.helm.domain.HelmException;
import io.kubeward.helm.domain.HelmFailures;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the helm binary as a process, without a shell: an argument list, a private folder per run
 * (0700) holding a kubeconfig of Kubeward's connection (0600), the values file and an uploaded
 * chart, Helm's cache/config/data homes, all deleted afterwards. The caller's identity goes into
 * that kubeconfig ({@code as}/{@code as-groups}) and as {@code --kube-as-user}/{@code
 * --kube-as-group}, taken from the client {@link ClusterClients} hands out for the caller, so helm
 * is subject to exactly the rules every other write is (ADR 0013): Kubernetes' RBAC for the user,
 * never Kubeward's rights.
 */
public final class HelmProcessRunner implements HelmRunner {

  private static final Logger log = LoggerFactory.getLogger(HelmProcessRunner.class);

  /** The most helm may write to standard output (a dry run's release JSON includes the chart). */
  static final long MAX_OUTPUT_BYTES = 64L * 1024 * 1024;

  /** Grace after helm's own {@code --timeout} before the process is killed. */
  static final long GRACE_SECONDS = 30;

  private final String binary;
  private final Path workDir;
  private final ClusterClients clients;

  public HelmProcessRunner(String binary, Path workDir, ClusterClients clients) {
    this.binary = binary;
    this.workDir = workDir;
    this.clients = clients;
  }

  @Override
  public boolean available() {
    if (binary.contains(File.separator)) {
      return Files.isExecutable(Path.of(binary));
    }
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isBlank() && Files.isExecutable(Path.of(dir, binary))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String binary() {
    return binary;
  }

  @Override
  public String run(Caller caller, String cluster, HelmCommand command) {
    Path run = privateFolder();
    try {
      KubeIdentity who = identity(caller, cluster);
      Path kubeconfig =
          write(
              run.resolve("kubeconfig"),
              KubeconfigFile.render(
                  clients.kubeward(cluster).getConfiguration(),
                  who == null ? null : who.user(),
                  who == null ? List.of() : who.groups()));
      Path values = run.resolve("values.yaml");
      if (command.valuesYaml() != null) {
        write(values, command.valuesYaml());
      }
      Path chart = run.resolve("chart.tgz");
      if (command.chart() instanceof ChartSource.Uploaded uploaded) {
        Files.write(chart, uploaded.archive());
      }
      List<String> args = new ArrayList<>();
      args.add(binary);
      args.addAll(command.arguments(values.toString(), chart.toString()));
      args.add("--kubeconfig=" + kubeconfig);
      args.addAll(flags(who));
      return execute(run, command, args);
    } catch (IOException e) {
      throw new UncheckedIOException("helm's working folder cannot be written", e);
    } finally {
      delete(run);
    }
  }

  /**
   * Who helm acts as, by the policy of {@link ClusterClients#forCaller}: where that hands out an
   * impersonating client, the caller's Kubernetes identity ({@link Authorizer#identity}); where it
   * hands out Kubeward's own client (an administrator on a cluster Kubeward may not impersonate
   * on), {@code null}; a non-administrator there is refused by {@code forCaller} itself.
   */
  private KubeIdentity identity(Caller caller, String cluster) {
    KubernetesClient forCaller = clients.forCaller(caller, cluster, Intent.WRITE);
    return forCaller == clients.kubeward(cluster) ? null : Authorizer.identity(caller);
  }

  /** Helm's impersonation flags for {@code who} (none for {@code null}). */
  static List<String> flags(KubeIdentity who) {
    List<String> flags = new ArrayList<>();
    if (who != null) {
      flags.add("--kube-as-user=" + who.user());
      for (String group : who.groups()) {
        flags.add("--kube-as-group=" + group);
      }
    }
    return flags;
  }

  private String execute(Path run, HelmCommand command, List<String> args) throws IOException {
    Path out = run.resolve("stdout");
    Path err = run.resolve("stderr");
    ProcessBuilder builder =
        new ProcessBuilder(args)
            .directory(run.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Map<String, String> env = builder.environment();
    String path = env.get("PATH");
    env.clear();
    if (path != null) {
      env.put("PATH", path);
    }
    env.put("HOME", run.toString());
    env.put("HELM_CACHE_HOME", run.resolve("cache").toString());
    env.put("HELM_CONFIG_HOME", run.resolve("config").toString());
    env.put("HELM_DATA_HOME", run.resolve("data").toString());
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw HelmException.unavailable(binary);
    }
    boolean finished;
    try {
      finished = process.waitFor(command.timeoutSeconds() + GRACE_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw HelmException.timedOut(command.operation().verb(), command.timeoutSeconds());
    }
    if (!finished) {
      process.destroyForcibly();
      throw HelmException.timedOut(command.operation().verb(), command.timeoutSeconds());
    }
    String stderr = read(err, 256 * 1024);
    if (process.exitValue() != 0) {
      log.debug("helm {} failed: {}", command.operation().verb(), stderr);
      throw HelmFailures.translate(command, stderr, command.timeoutSeconds());
    }
    if (Files.size(out) > MAX_OUTPUT_BYTES) {
      throw HelmException.tooLarge("helm's output", MAX_OUTPUT_BYTES);
    }
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  private static String read(Path file, int max) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(max);
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private Path privateFolder() {
    try {
      Files.createDirectories(workDir);
      return Files.createTempDirectory(
          workDir,
          "run-",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a folder under " + workDir, e);
    }
  }

  private static Path write(Path file, String text) throws IOException {
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private static void delete(Path folder) {
    try {
      Files.walkFileTree(
          folder,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.deleteIfExists(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
              Files.deleteIfExists(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      log.warn("helm's working folder {} could not be deleted: {}", folder, e.getMessage());
    }
  }
}
