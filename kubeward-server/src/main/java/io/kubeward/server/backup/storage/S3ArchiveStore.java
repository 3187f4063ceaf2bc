package io.kubeward.server.backup.storage;

import io.kubeward.backup.app.ArchiveStore;
import io.kubeward.backup.app.BackupLocationStore;
import io.kubeward.backup.domain.BackupLocation;
import io.kubeward.backup.domain.StoredFile;
import io.kubeward.backup.domain.archive.ArchivePaths;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * An S3-compatible location (ADR 0040) through the AWS SDK for Java v2 and the JDK's URL connection
 * client: endpoint override, path-style addressing, static credentials (else the SDK's default
 * chain). A file is written by a multipart upload that buffers one part ({@code
 * kubeward.backups.s3.part-size}) at a time and appears when the upload is completed; a file
 * smaller than one part is one PUT. Keys live under the location's prefix.
 */
public final class S3ArchiveStore implements ArchiveStore, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(S3ArchiveStore.class);

  private final String location;
  private final String bucket;
  private final String prefix;
  private final int partSize;
  private final S3Client s3;

  S3ArchiveStore(String location, String bucket, String prefix, int partSize, S3Client s3) {
    this.location = location;
    this.bucket = bucket;
    this.prefix = prefix == null ? "" : prefix;
    this.partSize = partSize;
    this.s3 = s3;
  }

  /** A store of {@code stored} with the client limits of {@code properties}. */
  public static S3ArchiveStore of(BackupLocationStore.Stored stored, BackupsProperties.S3 limits) {
    BackupLocation l = stored.location();
    AwsCredentialsProvider credentials =
        stored.credentials() == null
            ? DefaultCredentialsProvider.builder().build()
            : StaticCredentialsProvider.create(
                AwsBasicCredentials.create(
                    stored.credentials().accessKeyId(), stored.credentials().secretAccessKey()));
    var builder =
        S3Client.builder()
            .httpClient(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(limits.connectTimeout())
                    .socketTimeout(limits.requestTimeout())
                    .build())
            .region(Region.of(l.region() == null ? "us-east-1" : l.region()))
            .credentialsProvider(credentials)
            .serviceConfiguration(
                S3Configuration.builder()
                    .pathStyleAccessEnabled(l.pathStyle())
                    .chunkedEncodingEnabled(false)
                    .build())
            // S3-compatible servers differ in the newer checksums: only where S3 requires them
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .overrideConfiguration(
                o ->
                    o.apiCallAttemptTimeout(limits.requestTimeout())
                        .retryStrategy(r -> r.maxAttempts(limits.maxRetries() + 1)));
    if (l.endpoint() != null) {
      builder.endpointOverride(URI.create(l.endpoint()));
    }
    return new S3ArchiveStore(
        l.name(), l.bucket(), l.prefix(), (int) limits.partSize().toBytes(), builder.build());
  }

  @Override
  public String location() {
    return location;
  }

  private String key(String key) {
    return prefix + ArchivePaths.requireSafeKey(key);
  }

  @Override
  public Upload create(String key) {
    return new MultipartUpload(key(key));
  }

  @Override
  public Optional<InputStream> open(String key) throws IOException {
    String k = key(key);
    try {
      return Optional.of(s3.getObject(b -> b.bucket(bucket).key(k)));
    } catch (NoSuchKeyException missing) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw io(e);
    } catch (SdkException e) {
      throw io(e);
    }
  }

  @Override
  public Optional<StoredFile> stat(String key) throws IOException {
    String k = key(key);
    try {
      HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(k));
      return Optional.of(new StoredFile(key, head.contentLength(), head.lastModified()));
    } catch (NoSuchKeyException missing) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw io(e);
    } catch (SdkException e) {
      throw io(e);
    }
  }

  @Override
  public List<StoredFile> list(String keyPrefix, int max) throws IOException {
    ArchivePaths.requireSafePrefix(keyPrefix);
    List<StoredFile> out = new ArrayList<>();
    if (max < 1) {
      return out;
    }
    String token = null;
    try {
      do {
        String t = token;
        int page = Math.min(1000, max - out.size());
        ListObjectsV2Response response =
            s3.listObjectsV2(
                b ->
                    b.bucket(bucket).prefix(prefix + keyPrefix).maxKeys(page).continuationToken(t));
        for (S3Object o : response.contents()) {
          String k = o.key().substring(prefix.length());
          if (ArchivePaths.unsafe(k) == null && out.size() < max) {
            out.add(new StoredFile(k, o.size(), o.lastModified()));
          }
        }
        token =
            Boolean.TRUE.equals(response.isTruncated()) ? response.nextContinuationToken() : null;
      } while (token != null && out.size() < max);
    } catch (SdkException e) {
      throw io(e);
    }
    return out;
  }

  @Override
  public void delete(String key) throws IOException {
    String k = key(key);
    try {
      s3.deleteObject(b -> b.bucket(bucket).key(k));
    } catch (NoSuchKeyException missing) {
      // nothing to delete
    } catch (SdkException e) {
      throw io(e);
    }
  }

  @Override
  public void close() {
    s3.close();
  }

  @Override
  public String toString() {
    return "S3ArchiveStore[" + location + " " + bucket + "/" + prefix + "]";
  }

  private static IOException io(SdkException e) {
    String message = e.getMessage();
    if (e instanceof S3Exception s3e && s3e.awsErrorDetails() != null) {
      message =
          s3e.statusCode()
              + " "
              + s3e.awsErrorDetails().errorCode()
              + ": "
              + s3e.awsErrorDetails().errorMessage();
    }
    return new IOException(message, e);
  }

  /** Buffers one part; the first full part starts a multipart upload. */
  private final class MultipartUpload implements Upload {
    private final String key;
    private final byte[] buffer = new byte[partSize];
    private final List<CompletedPart> parts = new ArrayList<>();
    private int filled;
    private String uploadId;
    private boolean done;

    MultipartUpload(String key) {
      this.key = key;
    }

    /** Closing the stream does not complete the file: {@link #close()} does. */
    private final OutputStream stream =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            append(b, off, len);
          }
        };

    @Override
    public OutputStream stream() {
      return stream;
    }

    private void append(byte[] b, int off, int len) throws IOException {
      requireOpen();
      while (len > 0) {
        if (filled == buffer.length) {
          flushPart();
        }
        int n = Math.min(len, buffer.length - filled);
        System.arraycopy(b, off, buffer, filled, n);
        filled += n;
        off += n;
        len -= n;
      }
    }

    private void requireOpen() throws IOException {
      if (done) {
        throw new IOException("the upload of " + key + " is finished");
      }
    }

    private void flushPart() throws IOException {
      requireOpen();
      try {
        if (uploadId == null) {
          uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        }
        int number = parts.size() + 1;
        String etag =
            s3.uploadPart(
                    b ->
                        b.bucket(bucket)
                            .key(key)
                            .uploadId(uploadId)
                            .partNumber(number)
                            .contentLength((long) filled),
                    body())
                .eTag();
        parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
        filled = 0;
      } catch (SdkException e) {
        abort();
        throw io(e);
      }
    }

    private RequestBody body() {
      int length = filled;
      return RequestBody.fromContentProvider(
          () -> new ByteArrayInputStream(buffer, 0, length), length, "application/octet-stream");
    }

    @Override
    public void close() throws IOException {
      if (done) {
        return;
      }
      try {
        if (uploadId == null) {
          s3.putObject(b -> b.bucket(bucket).key(key).contentLength((long) filled), body());
        } else {
          if (filled > 0 || parts.isEmpty()) {
            flushPart();
          }
          s3.completeMultipartUpload(
              b ->
                  b.bucket(bucket)
                      .key(key)
                      .uploadId(uploadId)
                      .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()));
        }
        done = true;
      } catch (SdkException e) {
        abort();
        throw io(e);
      }
    }

    @Override
    public void abort() {
      if (done) {
        return;
      }
      done = true;
      if (uploadId != null) {
        try {
          s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
        } catch (SdkException e) {
          log.warn(
              "Cannot abort the multipart upload of {} in {}: {}", key, location, e.toString());
        }
      }
    }
  }
}
