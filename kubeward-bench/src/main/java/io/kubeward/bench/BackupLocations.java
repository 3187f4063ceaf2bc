package io.kubeward.bench;

import io.kubeward.testkit.s3.LocalS3;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The storage locations {@link BackupBenchmark} measures: the server's local directory and an
 * S3-compatible server on loopback ({@link LocalS3}, versitygw built from its Go module),
 * registered through the REST API as the location {@code s3}.
 */
final class BackupLocations implements AutoCloseable {

  static final String BUCKET = "bench";

  private final LocalS3 s3;

  private BackupLocations(LocalS3 s3) {
    this.s3 = s3;
  }

  static BackupLocations start() {
    LocalS3 s3 = LocalS3.start();
    s3.createBucket(BUCKET);
    return new BackupLocations(s3);
  }

  List<BackupBenchmark.Location> all() {
    return List.of(local(), s3());
  }

  private static BackupBenchmark.Location local() {
    return new BackupBenchmark.Location() {
      @Override
      public String name() {
        return "local";
      }

      @Override
      public void register(ServerProcess server) {
        // always there: the server's backup directory
      }
    };
  }

  private BackupBenchmark.Location s3() {
    return new BackupBenchmark.Location() {
      @Override
      public String name() {
        return "s3";
      }

      @Override
      public void register(ServerProcess server) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "s3");
        body.put("type", "s3");
        body.put("endpoint", s3.endpoint());
        body.put("region", s3.region());
        body.put("bucket", BUCKET);
        body.put("prefix", "bench");
        body.put("accessKeyId", s3.accessKey());
        body.put("secretAccessKey", s3.secretKey());
        body.put("allowPrivateAddresses", true);
        BackupBenchmark.send(server, "POST", "/api/v1/backup-locations", body);
        BackupBenchmark.send(server, "POST", "/api/v1/backup-locations/s3/check", Map.of());
      }
    };
  }

  @Override
  public void close() {
    s3.close();
  }
}
