package io.kubeward.etcd.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A stored etcd snapshot: its id (the UTC time it was taken, {@code 20261204T074512Z}), where it
 * lies, its size and SHA-256, and what etcd said about itself when it was taken (revision, version,
 * database size; {@code null} when etcd did not say).
 */
public record EtcdSnapshot(
    String id,
    String cluster,
    String location,
    long size,
    String sha256,
    @Nullable Long revision,
    @Nullable String etcdVersion,
    @Nullable String endpoint,
    Instant createdAt) {

  private static final DateTimeFormatter ID =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final Pattern ID_PATTERN = Pattern.compile("\\d{8}T\\d{6}Z");

  /** The id of a snapshot taken at {@code instant} (whole seconds, UTC). */
  public static String idOf(Instant instant) {
    return ID.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  public static boolean isId(String id) {
    if (id == null || !ID_PATTERN.matcher(id).matches()) {
      return false;
    }
    try {
      ID.parse(id);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** {@code etcd/<cluster>/} */
  public static String prefix(String cluster) {
    return "etcd/" + cluster + "/";
  }

  /** {@code etcd/<cluster>/<id>.db}: the snapshot as etcd sent it. */
  public static String dbKey(String cluster, String id) {
    return prefix(cluster) + id + ".db";
  }

  /** {@code etcd/<cluster>/<id>.db.sha256}: one line {@code <hex> <id>.db} (sha256sum -c). */
  public static String sha256Key(String cluster, String id) {
    return prefix(cluster) + id + ".db.sha256";
  }

  /** {@code etcd/<cluster>/<id>.json}: this record. */
  public static String metadataKey(String cluster, String id) {
    return prefix(cluster) + id + ".json";
  }

  /** The checksum file's line, as {@code sha256sum} writes it. */
  public String sha256Line() {
    return sha256 + "  " + id + ".db\n";
  }
}
