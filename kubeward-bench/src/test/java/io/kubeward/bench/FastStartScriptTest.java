package io.kubeward.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launchers' fast start ({@code bin/lib/fast-start.sh}, ADR 0056): a cache belongs to one jar
 * content and one JDK build. A jar rebuilt with the same content keeps its cache, a changed jar or
 * another JDK build gets a new one (the JVM's own check of the jar is no safety net: JDK 25.0.3 ran
 * a rebuilt small jar's old classes from its cache), the options suit the JDK, and without a JDK
 * 21+ or when switched off the plain jar starts.
 */
class FastStartScriptTest {

  private static final Path SCRIPT = Path.of("..", "bin", "lib", "fast-start.sh");

  @TempDir Path dir;

  @Test
  void aJarRebuiltWithTheSameContentKeepsItsCacheAndAChangedOneDoesNot() throws Exception {
    Map<String, String> content = new TreeMap<>(Map.of("a/One.txt", "one", "b/Two.txt", "two"));
    Path first = zip(dir.resolve("first.jar"), content, 1_000_000_000_000L);
    Path rebuilt = zip(dir.resolve("rebuilt.jar"), content, 1_700_000_000_000L);
    content.put("b/Two.txt", "two, changed");
    Path changed = zip(dir.resolve("changed.jar"), content, 1_000_000_000_000L);

    String key = script("kw_fast_start_key \"$1\"", first).stdout().strip();

    assertThat(key).matches("[0-9a-f]{16}");
    assertThat(script("kw_fast_start_key \"$1\"", rebuilt).stdout().strip()).isEqualTo(key);
    assertThat(script("kw_fast_start_key \"$1\"", changed).stdout().strip()).isNotEqualTo(key);
  }

  @Test
  void anotherJdkBuildGetsItsOwnCacheAndOptionsThatItUnderstands() throws Exception {
    Path jar = zip(dir.resolve("app.jar"), Map.of("a/One.txt", "one"), 1_000_000_000_000L);
    Path jdk24 = fakeJdk("24", "openjdk version \"24.0.2\" 2025-07-15");
    Path jdk25 = fakeJdk("25", "openjdk version \"25.0.3\" 2026-04-21 LTS");
    Path jdk25Patched = fakeJdk("25.0.4", "openjdk version \"25.0.4\" 2026-07-21 LTS");
    Path jdk17 = fakeJdk("17", "openjdk version \"17.0.15\" 2025-04-15");

    assertThat(script(jdk24, "kw_fast_start_kind").stdout().strip()).isEqualTo("cds");
    assertThat(script(jdk25, "kw_fast_start_kind").stdout().strip()).isEqualTo("aot");
    assertThat(script(jdk17, "kw_fast_start_kind || echo none").stdout().strip()).isEqualTo("none");
    assertThat(script(jdk25, "kw_fast_start_key \"$1\"", jar).stdout())
        .isNotEqualTo(script(jdk25Patched, "kw_fast_start_key \"$1\"", jar).stdout());
  }

  @Test
  void withoutAUsableJdkOrWhenSwitchedOffThePlainJarStarts() throws Exception {
    Path jar = zip(dir.resolve("app.jar"), Map.of("a/One.txt", "one"), 1_000_000_000_000L);
    String show =
        "kw_fast_start \"$1\" \"$2\"; echo \"jar=$kw_fast_start_jar"
            + " options=${kw_fast_start_options[*]}\"";

    Result old = script(fakeJdk("17", "openjdk version \"17.0.15\""), show, jar, dir.resolve("c"));
    Result off = run(command(fakeJdk("25", "x"), show, jar, dir.resolve("c")), "off");

    assertThat(old.stdout()).contains("jar=" + jar + " options=\n");
    assertThat(old.stderr()).contains("older than 21");
    assertThat(off.stdout()).contains("jar=" + jar + " options=\n");
    assertThat(dir.resolve("c")).doesNotExist();
  }

  /** A JDK folder whose release file and {@code java -version} name the given version. */
  private Path fakeJdk(String major, String versionLine) throws IOException {
    Path home = Files.createDirectories(dir.resolve("jdk-" + major).resolve("bin"));
    Path java = home.resolve("java");
    Files.writeString(java, "#!/bin/sh\necho '" + versionLine + "' >&2\nexit 0\n");
    java.toFile().setExecutable(true);
    Files.writeString(home.getParent().resolve("release"), "JAVA_VERSION=\"" + major + "\"\n");
    return home.getParent();
  }

  private static Path zip(Path jar, Map<String, String> content, long millis) throws IOException {
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      for (var entry : content.entrySet()) {
        JarEntry jarEntry = new JarEntry(entry.getKey());
        jarEntry.setLastModifiedTime(FileTime.fromMillis(millis));
        out.putNextEntry(jarEntry);
        out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return jar;
  }

  private record Result(int exit, String stdout, String stderr) {}

  private Result script(String call, Path... arguments) throws Exception {
    return script(Path.of(System.getProperty("java.home")), call, arguments);
  }

  private Result script(Path javaHome, String call, Path... arguments) throws Exception {
    Result result = run(command(javaHome, call, arguments), "on");
    assertThat(result.exit()).as(result.stderr()).isZero();
    return result;
  }

  private static List<String> command(Path javaHome, String call, Path... arguments) {
    List<String> command = new ArrayList<>();
    command.add("env");
    command.add("JAVA_HOME=" + javaHome);
    command.addAll(List.of("bash", "-c", "source \"$0\" && " + call));
    command.add(SCRIPT.toAbsolutePath().normalize().toString());
    for (Path argument : arguments) {
      command.add(argument.toString());
    }
    return command;
  }

  private Result run(List<String> command, String fastStart) throws Exception {
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().put("KUBEWARD_FAST_START", fastStart);
    Process process = builder.start();
    assertThat(process.waitFor(1, TimeUnit.MINUTES)).as("%s finished", command).isTrue();
    return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
  }
}
