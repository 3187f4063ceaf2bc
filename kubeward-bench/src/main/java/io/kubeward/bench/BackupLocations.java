package io.kubeward.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The storage locations {@link BackupBenchmark} measures: the server's local directory, and an
 * S3-compatible server on loopback once one is available to the benchmark.
 */
final class BackupLocations implements AutoCloseable {

  private final List<BackupBenchmark.Location> all;

  private BackupLocations(List<BackupBenchmark.Location> all) {
    this.all = all;
  }

  static BackupLocations start(Path work) {
    List<BackupBenchmark.Location> all = new ArrayList<>();
    all.add(
        new BackupBenchmark.Location() {
          @Override
          public String name() {
            return "local";
          }

          @Override
          public void register(ServerProcess server) {
            // always there: the server's backup directory
          }
        });
    return new BackupLocations(all);
  }

  List<BackupBenchmark.Location> all() {
    return all;
  }

  @Override
  public void close() {}
}
