package io.kubeward.bench;

/**
 * The machine's 1-minute load average before a benchmark started anything (whether the machine was
 * idle) and at its end (the benchmark's own control planes and servers included), for the report's
 * "Load" fact. {@code bin/benchmark} reads the first before it builds anything and passes it as
 * {@code KUBEWARD_BENCH_LOAD_BEFORE}; without it, the load when the benchmark object is made.
 */
record MachineLoad(String before) {

  static MachineLoad beforeTheRun() {
    String fromLauncher = System.getenv("KUBEWARD_BENCH_LOAD_BEFORE");
    return new MachineLoad(
        fromLauncher == null || fromLauncher.isBlank()
            ? Churn.loadAverage()
            : fromLauncher.strip());
  }

  String fact(String atTheEnd) {
    return "1-minute load average %s before the run started anything (the machine without the benchmark), %s at the end of the run (%s)"
        .formatted(before, Churn.loadAverage(), atTheEnd);
  }
}
