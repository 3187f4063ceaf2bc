package io.kubeward.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * A {@link QueryLoad} against one server with the server's and the load generator's CPU measured
 * apart, as report rows: clients, requests, errors, p50, p99, server CPU, load-generator CPU (used
 * by the huge and fleet benchmarks, ADR 0060).
 */
final class MeasuredLoad {

  static final List<String> HEADERS =
      List.of("clients", "requests", "errors", "p50", "p99", "server CPU", "load generator CPU");

  private final QueryLoad load;
  private final Map<String, Long> pids = new LinkedHashMap<>();
  private final Duration duration;

  MeasuredLoad(ServerProcess server, Duration duration) {
    this.load = new QueryLoad(server);
    this.duration = duration;
    pids.put("server", server.pid());
    pids.put("load generator", ProcessHandle.current().pid());
  }

  /** A few seconds of load that are not reported (the JIT and the connection pools warm up). */
  MeasuredLoad warmUp(IntFunction<String> queries) throws IOException, InterruptedException {
    load.run(4, Duration.ofSeconds(5), queries);
    return this;
  }

  /** One row at {@code clients}; {@code result} receives the raw figures. */
  List<String> row(int clients, IntFunction<String> queries, Map<String, Object> raw, String key)
      throws IOException, InterruptedException {
    CpuMeter cpu = new CpuMeter(pids).start();
    QueryLoad.Result result = load.run(clients, duration, queries);
    Map<String, String> used = cpu.stop();
    raw.put(key, result);
    return List.of(
        Integer.toString(clients),
        Integer.toString(result.requests()),
        Integer.toString(result.errors()),
        "%.1f ms".formatted(result.p50Millis()),
        "%.1f ms".formatted(result.p99Millis()),
        used.get("server"),
        used.get("load generator"));
  }
}
