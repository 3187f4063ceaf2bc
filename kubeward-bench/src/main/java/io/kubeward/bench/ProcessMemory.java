package io.kubeward.bench;

import io.kubeward.testkit.controlplane.Component;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Resident memory of processes and the machine's available memory, from /proc (Linux): what each
 * process of a large fixture holds, so a run states the resources it used (issue 19, ADR 0060).
 */
final class ProcessMemory {

  private ProcessMemory() {}

  /** The resident set of a process in MiB ({@code VmRSS}), or -1 if it cannot be read. */
  static double residentMiB(long pid) {
    return kibOf(Path.of("/proc", Long.toString(pid), "status"), "VmRSS:") / 1024.0;
  }

  /** {@code MemAvailable} of the machine in MiB, or -1. */
  static double availableMiB() {
    return kibOf(Path.of("/proc/meminfo"), "MemAvailable:") / 1024.0;
  }

  /** The resident MiB of every required process of a control plane, by name. */
  static Map<String, Double> controlPlane(ControlPlane controlPlane) {
    Map<String, Double> resident = new LinkedHashMap<>();
    for (Component component : Component.values()) {
      if (component == Component.METRICS_SERVER) {
        continue;
      }
      resident.put(component.binary(), residentMiB(controlPlane.pid(component)));
    }
    return resident;
  }

  static String mib(double mib) {
    return mib < 0 ? "?" : "%.0f MiB".formatted(mib);
  }

  private static long kibOf(Path file, String field) {
    try {
      for (String line : Files.readAllLines(file)) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.substring(field.length()).replaceAll("\\D", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // the process has gone, or this is not Linux
    }
    return -1;
  }
}
