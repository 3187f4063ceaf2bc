package io.kubeward.testkit.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A throwaway PostgreSQL cluster for tests, from the machine's Debian binaries ({@code
 * /usr/lib/postgresql/<major>/bin}): {@code initdb} in a temporary folder, {@code pg_ctl start} on
 * a free port of 127.0.0.1 (trust authentication, user {@value #USER}, no fsync), stopped and
 * deleted by {@link #close()} or, failing that, by a JVM shutdown hook. As root it runs as the OS
 * user {@code postgres} (initdb refuses root) through {@code runuser}.
 *
 * <pre>{@code
 * try (LocalPostgres postgres = LocalPostgres.start()) {
 *   String url = postgres.jdbcUrl(postgres.createDatabase("t1"));
 * }
 * }</pre>
 */
public final class LocalPostgres implements AutoCloseable {

  public static final String USER = "postgres";
  private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);
  private static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

  private final Path bin;
  private final Path dir;
  private final int port;
  private final boolean asPostgres;
  private final Thread shutdownHook;
  private boolean closed;

  private LocalPostgres(Path bin, Path dir, int port, boolean asPostgres) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
    this.asPostgres = asPostgres;
    this.shutdownHook = new Thread(this::stopQuietly, "local-postgres-stop");
  }

  /** Initializes and starts a new cluster; fails with the missing package named if needed. */
  public static LocalPostgres start() {
    Path bin = findBinaries();
    boolean asPostgres = "root".equals(System.getProperty("user.name"));
    Path dir;
    try {
      dir = Files.createTempDirectory("kubeward-postgres-");
      if (asPostgres) {
        UserPrincipal postgres =
            dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(USER);
        Files.setOwner(dir, postgres);
      }
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot prepare a folder for PostgreSQL (as root, the OS user 'postgres' must exist: it"
              + " comes with the Debian package 'postgresql'): "
              + e,
          e);
    }
    LocalPostgres postgres = new LocalPostgres(bin, dir, freePort(), asPostgres);
    Runtime.getRuntime().addShutdownHook(postgres.shutdownHook);
    try {
      postgres.initAndStart();
    } catch (RuntimeException e) {
      postgres.close();
      throw e;
    }
    return postgres;
  }

  private void initAndStart() {
    run(
        "initdb",
        List.of(
            bin.resolve("initdb").toString(),
            "-D",
            dir.resolve("data").toString(),
            "-U",
            USER,
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
            "--no-sync"));
    String options =
        "-p "
            + port
            + " -c listen_addresses=127.0.0.1 -c unix_socket_directories="
            + dir
            + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
    run(
        "pg_ctl start",
        List.of(
            bin.resolve("pg_ctl").toString(),
            "start",
            "-w",
            "-t",
            Long.toString(TIMEOUT.toSeconds()),
            "-D",
            dir.resolve("data").toString(),
            "-l",
            dir.resolve("postgres.log").toString(),
            "-o",
            options));
    log.info("PostgreSQL started on 127.0.0.1:{} in {}", port, dir);
  }

  /** Creates an empty database and returns its name. */
  public String createDatabase(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("database names here are [a-z][a-z0-9_]*: " + name);
    }
    run(
        "createdb",
        List.of(
            bin.resolve("createdb").toString(),
            "-h",
            "127.0.0.1",
            "-p",
            Integer.toString(port),
            "-U",
            USER,
            name));
    return name;
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  public int port() {
    return port;
  }

  public String user() {
    return USER;
  }

  /** Trust authentication: any password, or none. */
  public String password() {
    return "";
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or will
    }
    stopQuietly();
  }

  private void stopQuietly() {
    try {
      if (Files.exists(dir.resolve("data/postmaster.pid"))) {
        run(
            "pg_ctl stop",
            List.of(
                bin.resolve("pg_ctl").toString(),
                "stop",
                "-m",
                "immediate",
                "-w",
                "-D",
                dir.resolve("data").toString()));
      }
    } catch (RuntimeException e) {
      log.warn("Could not stop PostgreSQL in {}: {}", dir, e.getMessage());
    } finally {
      deleteRecursively(dir);
    }
  }

  private void run(String what, List<String> command) {
    List<String> full = new ArrayList<>();
    if (asPostgres) {
      full.addAll(List.of("runuser", "-u", USER, "--"));
    }
    full.addAll(command);
    ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
    builder.directory(dir.toFile());
    builder.environment().put("LC_ALL", "C.UTF-8");
    try {
      Process process = builder.start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(what + " did not finish within " + TIMEOUT);
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            what
                + " failed (exit "
                + process.exitValue()
                + "): "
                + new String(output, StandardCharsets.UTF_8).strip()
                + logTail());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(what + " could not run: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(what + " interrupted", e);
    }
  }

  private String logTail() {
    Path logFile = dir.resolve("postgres.log");
    try {
      if (!Files.exists(logFile)) {
        return "";
      }
      List<String> lines = Files.readAllLines(logFile);
      return "\nEnd of postgres.log:\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "";
    }
  }

  /** The newest {@code /usr/lib/postgresql/<major>/bin} with initdb and pg_ctl. */
  static Path findBinaries() {
    return findBinaries(DEBIAN_ROOT);
  }

  static Path findBinaries(Path root) {
    if (Files.isDirectory(root)) {
      try (Stream<Path> majors = Files.list(root)) {
        List<Path> candidates =
            majors
                .filter(p -> p.getFileName().toString().matches("\\d+"))
                .sorted(
                    Comparator.comparingInt(
                            (Path p) -> Integer.parseInt(p.getFileName().toString()))
                        .reversed())
                .map(p -> p.resolve("bin"))
                .filter(b -> Files.isExecutable(b.resolve("initdb")))
                .filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
                .toList();
        if (!candidates.isEmpty()) {
          return candidates.getFirst();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw new IllegalStateException(
        "PostgreSQL is not installed: no "
            + root
            + "/<major>/bin/initdb and pg_ctl. Install the Debian package 'postgresql'"
            + " (apt-get install -y postgresql); bin/test does this.");
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      log.warn("Could not delete {}: {}", root, e.getMessage());
    }
  }
}
