package io.kubeward.testkit.s3;

import io.kubeward.testkit.controlplane.ProcessRegistry;
import io.kubeward.testkit.controlplane.WorkDir;
import io.kubeward.testkit.process.BuiltBinary;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real S3-compatible server for tests: the Versity S3 Gateway (versitygw, Apache-2.0; the version
 * pinned in {@code kubeward-testkit/go/versitygw/go.mod}, built by {@code build-versitygw.sh} into
 * the cache) with its posix backend in a temporary folder (metadata in a sidecar folder, so no
 * extended attributes are needed), on a free port of 127.0.0.1, SigV4 with random root credentials.
 *
 * <pre>{@code
 * try (LocalS3 s3 = LocalS3.start()) {
 *   s3.createBucket("backups");
 *   register(s3.endpoint(), s3.accessKey(), s3.secretKey());
 * }
 * }</pre>
 */
public final class LocalS3 implements AutoCloseable {

  /** System property naming the versitygw binary (else the build script is run). */
  public static final String BINARY_PROPERTY = "kubeward.versitygw.bin";

  public static final String ENV = "KUBEWARD_VERSITYGW_BIN";
  public static final String REGION = "us-east-1";
  static final String BUILD_SCRIPT = "kubeward-testkit/go/build-versitygw.sh";

  private static final Logger log = LoggerFactory.getLogger(LocalS3.class);
  private static final Duration POLL = Duration.ofMillis(100);
  private static final String EMPTY_SHA =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  private final Path workDir;
  private final int port;
  private final String accessKey;
  private final String secretKey;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private Process process;
  private boolean closed;

  private LocalS3(Path workDir, int port, String accessKey, String secretKey) {
    this.workDir = workDir;
    this.port = port;
    this.accessKey = accessKey;
    this.secretKey = secretKey;
  }

  /** Starts a gateway and waits until it answers (30 s at most). */
  public static LocalS3 start() {
    return start(Duration.ofSeconds(30));
  }

  public static LocalS3 start(Duration startTimeout) {
    Path binary = binary();
    Path workDir;
    try {
      workDir = WorkDir.create();
      Files.createDirectories(workDir.resolve("data"));
      Files.createDirectories(workDir.resolve("meta"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare versitygw's work folder", e);
    }
    LocalS3 s3 = new LocalS3(workDir, freePort(), random(10), random(20));
    try {
      s3.launch(binary, startTimeout);
      return s3;
    } catch (RuntimeException e) {
      s3.close();
      throw e;
    }
  }

  private static String random(int bytes) {
    byte[] b = new byte[bytes];
    new SecureRandom().nextBytes(b);
    return HexFormat.of().withUpperCase().formatHex(b);
  }

  private void launch(Path binary, Duration startTimeout) {
    List<String> command =
        List.of(
            binary.toString(),
            "--port",
            "127.0.0.1:" + port,
            "--region",
            REGION,
            "posix",
            "--sidecar",
            workDir.resolve("meta").toString(),
            workDir.resolve("data").toString());
    try {
      Files.createDirectories(logFile().getParent());
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
      // the root credentials through the environment: not visible in the process list
      builder.environment().put("ROOT_ACCESS_KEY", accessKey);
      builder.environment().put("ROOT_SECRET_KEY", secretKey);
      process = builder.start();
      ProcessRegistry.register(process);
      Path pids = workDir.resolve(ProcessRegistry.PIDS_DIR);
      Files.createDirectories(pids);
      Files.writeString(pids.resolve("versitygw"), Long.toString(process.pid()));
    } catch (IOException e) {
      throw new IllegalStateException("versitygw could not be started: " + e.getMessage(), e);
    }
    long deadline = System.nanoTime() + startTimeout.toNanos();
    String last = "not asked yet";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "versitygw exited early with code " + process.exitValue() + logTail());
      }
      try {
        // any S3 answer (ListBuckets, signed) means it is serving
        HttpResponse<String> answer = signed("GET", "/");
        if (answer.statusCode() == 200) {
          log.info("versitygw {} ready at {}", binary, endpoint());
          return;
        }
        last = "HTTP " + answer.statusCode() + " " + answer.body();
      } catch (IOException e) {
        last = e.toString();
      }
      pause();
    }
    throw new IllegalStateException(
        "versitygw did not become ready within "
            + startTimeout.toSeconds()
            + " s (last: "
            + last
            + ")"
            + logTail());
  }

  /** {@code http://127.0.0.1:<port>} (path-style addressing). */
  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  public String accessKey() {
    return accessKey;
  }

  public String secretKey() {
    return secretKey;
  }

  public String region() {
    return REGION;
  }

  /** The folder the posix backend keeps buckets in (one folder per bucket, files per object). */
  public Path dataDir() {
    return workDir.resolve("data");
  }

  public Path logFile() {
    return workDir.resolve("logs").resolve("versitygw.log");
  }

  /** Creates {@code bucket} through the S3 API (a signed CreateBucket). */
  public void createBucket(String bucket) {
    try {
      HttpResponse<String> answer = signed("PUT", "/" + bucket);
      if (answer.statusCode() != 200) {
        throw new IllegalStateException(
            "CreateBucket " + bucket + " answered " + answer.statusCode() + ": " + answer.body());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A SigV4-signed request without a body. */
  private HttpResponse<String> signed(String method, String path) throws IOException {
    ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
    String amzDate = now.format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
    String date = amzDate.substring(0, 8);
    String host = "127.0.0.1:" + port;
    String signedHeaders = "host;x-amz-content-sha256;x-amz-date";
    String canonical =
        method
            + "\n"
            + path
            + "\n\n"
            + "host:"
            + host
            + "\nx-amz-content-sha256:"
            + EMPTY_SHA
            + "\nx-amz-date:"
            + amzDate
            + "\n\n"
            + signedHeaders
            + "\n"
            + EMPTY_SHA;
    String scope = date + "/" + REGION + "/s3/aws4_request";
    String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" + sha256Hex(canonical);
    byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), date);
    key = hmac(key, REGION);
    key = hmac(key, "s3");
    key = hmac(key, "aws4_request");
    String signature = HexFormat.of().formatHex(hmac(key, toSign));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(endpoint() + path))
            .timeout(Duration.ofSeconds(10))
            .header("x-amz-date", amzDate)
            .header("x-amz-content-sha256", EMPTY_SHA)
            .header(
                "Authorization",
                "AWS4-HMAC-SHA256 Credential="
                    + accessKey
                    + "/"
                    + scope
                    + ", SignedHeaders="
                    + signedHeaders
                    + ", Signature="
                    + signature)
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static String sha256Hex(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(POLL.toMillis()); // polling interval of a deadline-bounded wait
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private String logTail() {
    try (RandomAccessFile file = new RandomAccessFile(logFile().toFile(), "r")) {
      long from = Math.max(0, file.length() - 4096);
      byte[] bytes = new byte[(int) (file.length() - from)];
      file.seek(from);
      file.readFully(bytes);
      return "; end of its log:\n" + new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** Stops the gateway and deletes its folder. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (process != null) {
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          process.waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
      ProcessRegistry.unregister(process);
    }
    try {
      WorkDir.delete(workDir);
    } catch (IOException e) {
      log.warn("Could not remove {}: {}", workDir, e.toString());
    }
  }

  /**
   * The binary from {@value #BINARY_PROPERTY} or {@value #ENV}, else from the build script of the
   * enclosing checkout (a no-op when the cache has it).
   */
  public static Path binary() {
    return new BuiltBinary("versitygw", BINARY_PROPERTY, ENV, BUILD_SCRIPT).resolve();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
