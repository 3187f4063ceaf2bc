package io.kubeward.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Filtered, paginated pod lists over the REST API from N concurrent clients for a fixed time; the
 * latency percentiles as the clients saw them (HTTP round trip on loopback).
 */
final class QueryLoad {

  record Result(int clients, int requests, int errors, double p50Millis, double p99Millis) {}

  private final ServerProcess server;

  QueryLoad(ServerProcess server) {
    this.server = server;
  }

  /** The queries a console user makes: by namespace, label selector, node and problem. */
  static IntFunction<String> podQueries(String cluster, FixtureSpec spec) {
    String base = "/api/v1/clusters/" + cluster + "/resources/pods?limit=50&";
    return i ->
        switch (i % 4) {
          case 0 -> base + "namespace=" + Fixture.namespace(i % spec.namespaces());
          case 1 -> base + "labelSelector=app%3Dapp-" + "%04d".formatted(i % spec.deployments());
          case 2 -> base + "node=bench-node-" + "%04d".formatted(i % spec.nodes());
          default -> base + "problem=any&sort=-restarts";
        };
  }

  Result run(int clients, Duration duration, IntFunction<String> queries)
      throws InterruptedException {
    long end = System.nanoTime() + duration.toNanos();
    List<long[]> perClient = new ArrayList<>();
    AtomicInteger errors = new AtomicInteger();
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int c = 0; c < clients; c++) {
        long[] samples = new long[200_000];
        perClient.add(samples);
        executor.submit(
            () -> {
              int n = 0;
              int query = ThreadLocalRandom.current().nextInt(1_000_000);
              while (System.nanoTime() < end && n < samples.length - 1) {
                long start = System.nanoTime();
                try {
                  if (server.get(queries.apply(query++)).statusCode() != 200) {
                    errors.incrementAndGet();
                  }
                } catch (Exception e) {
                  errors.incrementAndGet();
                }
                samples[++n] = System.nanoTime() - start;
              }
              samples[0] = n;
              return null;
            });
      }
    }
    long[] all =
        perClient.stream()
            .flatMapToLong(s -> Arrays.stream(s, 1, (int) s[0] + 1))
            .sorted()
            .toArray();
    return new Result(
        clients, all.length, errors.get(), percentile(all, 0.50), percentile(all, 0.99));
  }

  static double percentile(long[] sortedNanos, double p) {
    if (sortedNanos.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p * sortedNanos.length) - 1;
    return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
  }
}
