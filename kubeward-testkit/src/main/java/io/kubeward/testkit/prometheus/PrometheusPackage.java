package io.kubeward.testkit.prometheus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the {@code prometheus} binary: the system property {@value
 * LocalPrometheus#BINARY_PROPERTY}, else the Debian package's {@code /usr/bin/prometheus},
 * installed with apt-get when missing and the JVM runs as root (as {@code bin/test} does through
 * {@code kw_apt_install}). The package's maintainer scripts would start a system-wide Prometheus on
 * :9090; a {@code policy-rc.d} that refuses service starts is in place during the installation, so
 * nothing is left running.
 */
final class PrometheusPackage {

  private static final Logger log = LoggerFactory.getLogger(PrometheusPackage.class);
  static final Path POLICY_RC_D = Path.of("/usr/sbin/policy-rc.d");
  private static final long APT_TIMEOUT_MINUTES = 10;

  private PrometheusPackage() {}

  static synchronized Path prometheus() {
    String configured = System.getProperty(LocalPrometheus.BINARY_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      Path binary = Path.of(configured);
      if (!Files.isExecutable(binary)) {
        throw new IllegalStateException(
            "-D" + LocalPrometheus.BINARY_PROPERTY + "=" + configured + " is not executable");
      }
      return binary;
    }
    if (!Files.isExecutable(LocalPrometheus.DEBIAN_BINARY)) {
      install();
    }
    return LocalPrometheus.DEBIAN_BINARY;
  }

  static Optional<Path> promtool() {
    return Files.isExecutable(LocalPrometheus.DEBIAN_PROMTOOL)
        ? Optional.of(LocalPrometheus.DEBIAN_PROMTOOL)
        : Optional.empty();
  }

  static String missingMessage(String why) {
    return "Prometheus is not installed ("
        + LocalPrometheus.DEBIAN_BINARY
        + " is missing) and "
        + why
        + ". Install the Debian package '"
        + LocalPrometheus.DEBIAN_PACKAGE
        + "' (apt-get install -y --no-install-recommends prometheus; bin/test does this), or"
        + " name a binary with -D"
        + LocalPrometheus.BINARY_PROPERTY;
  }

  private static void install() {
    if (!"root".equals(System.getProperty("user.name"))) {
      throw new IllegalStateException(missingMessage("this JVM is not root, so cannot install it"));
    }
    if (!Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
      throw new IllegalStateException(missingMessage("there is no apt-get here"));
    }
    log.info("Installing the Debian package {} (once per machine)", LocalPrometheus.DEBIAN_PACKAGE);
    boolean ownPolicy = false;
    try {
      if (!Files.exists(POLICY_RC_D)) {
        Files.writeString(
            POLICY_RC_D, "#!/bin/sh\n# kubeward testkit: no service starts\nexit 101\n");
        Files.setPosixFilePermissions(POLICY_RC_D, PosixFilePermissions.fromString("rwxr-xr-x"));
        ownPolicy = true;
      }
      String output = aptGet("install", "-y", "-qq", "--no-install-recommends", "prometheus");
      if (!Files.isExecutable(LocalPrometheus.DEBIAN_BINARY)) {
        // Unknown package: the package lists may be missing or old.
        aptGet("update", "-qq");
        output = aptGet("install", "-y", "-qq", "--no-install-recommends", "prometheus");
      }
      if (!Files.isExecutable(LocalPrometheus.DEBIAN_BINARY)) {
        throw new IllegalStateException(missingMessage("apt-get could not install it: " + output));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (ownPolicy) {
        try {
          Files.deleteIfExists(POLICY_RC_D);
        } catch (IOException e) {
          log.warn("Could not remove {}: {}", POLICY_RC_D, e.toString());
        }
      }
    }
  }

  private static String aptGet(String... args) {
    List<String> command = new ArrayList<>(List.of("apt-get", "-o", "DPkg::Lock::Timeout=300"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
    try {
      Process process = builder.start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(APT_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("apt-get " + String.join(" ", args) + " took too long");
      }
      return new String(output, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while installing Prometheus", e);
    }
  }
}
