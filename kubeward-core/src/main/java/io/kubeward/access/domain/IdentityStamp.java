package io.kubeward.access.domain;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Who a controller acts for (ADR 0040). A controller that changes or reads a cluster on a person's
 * behalf (a Backup, a Restore) must not lend Kubeward's own rights: when a user creates such an
 * object through Kubeward, Kubeward writes the annotation {@value #ANNOTATION} = {@code v1.} +
 * base64url(user and groups) + {@code .} + base64url(HMAC-SHA256(key, kind, namespace, name, spec
 * digest, user, groups)), each part length-prefixed. The controller then impersonates exactly that
 * identity. Changing the spec, or copying the stamp to another object, breaks it: an object created
 * or edited with kubectl has no valid stamp, and its controller refuses to act.
 *
 * <p>Pure: the key (derived from the server's credential key, never that key itself) is given by
 * the server's wiring; the spec digest by {@code access.kube.SpecDigest}.
 */
public final class IdentityStamp {

  public static final String ANNOTATION = "kubeward.io/acting-as";

  private static final String VERSION = "v1.";
  private static final String ALGORITHM = "HmacSHA256";
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private final Supplier<byte[]> key;

  /**
   * @param key the HMAC key (at least 32 bytes), asked for on first use
   */
  public IdentityStamp(Supplier<byte[]> key) {
    this.key = Objects.requireNonNull(key, "key");
  }

  /** A stamp with a fixed key (tests). */
  public static IdentityStamp withKey(byte[] key) {
    byte[] copy = key.clone();
    return new IdentityStamp(() -> copy);
  }

  /** The annotation's value for {@code who} acting on this object with this spec. */
  public String stamp(
      String kind, String namespace, String name, String specDigest, KubeIdentity who) {
    byte[] identity = identity(who);
    byte[] mac = hmac(key.get(), message(kind, namespace, name, specDigest, who));
    return VERSION + ENCODER.encodeToString(identity) + "." + ENCODER.encodeToString(mac);
  }

  /**
   * The identity of a valid stamp of this object and spec; empty when the stamp is missing,
   * malformed, copied from another object, or the spec changed since it was written.
   */
  public Optional<KubeIdentity> verify(
      String kind, String namespace, String name, String specDigest, @Nullable String stamp) {
    if (stamp == null || !stamp.startsWith(VERSION)) {
      return Optional.empty();
    }
    String[] parts = stamp.strip().substring(VERSION.length()).split("\\.", -1);
    if (parts.length != 2) {
      return Optional.empty();
    }
    KubeIdentity who;
    try {
      who = parseIdentity(Base64.getUrlDecoder().decode(parts[0]));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (who == null) {
      return Optional.empty();
    }
    String expected = stamp(kind, namespace, name, specDigest, who);
    boolean same =
        MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.US_ASCII),
            stamp.strip().getBytes(StandardCharsets.UTF_8));
    return same ? Optional.of(who) : Optional.empty();
  }

  private static byte[] identity(KubeIdentity who) {
    List<String> parts = new ArrayList<>();
    parts.add(who.user());
    parts.addAll(who.groups());
    return String.join("\n", parts).getBytes(StandardCharsets.UTF_8);
  }

  private static @Nullable KubeIdentity parseIdentity(byte[] bytes) {
    String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
    if (lines.length == 0 || lines[0].isBlank() || lines.length > 65) {
      return null;
    }
    List<String> groups = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      groups.add(lines[i]);
    }
    return new KubeIdentity(lines[0], groups);
  }

  private static byte[] hmac(byte[] key, byte[] data) {
    if (key == null || key.length < 32) {
      throw new IllegalArgumentException("the HMAC key must have at least 32 bytes");
    }
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 failed", e);
    }
  }

  /** Every part length-prefixed, so that no two inputs give one message. */
  static byte[] message(
      String kind, String namespace, String name, String specDigest, KubeIdentity who) {
    List<String> parts = new ArrayList<>();
    parts.add("kubeward.io/acting-as/v1");
    parts.add(kind);
    parts.add(namespace);
    parts.add(name);
    parts.add(specDigest);
    parts.add(who.user());
    parts.add(Integer.toString(who.groups().size()));
    parts.addAll(who.groups());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String part : parts) {
      byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
      int n = bytes.length;
      out.write(n >>> 24);
      out.write(n >>> 16);
      out.write(n >>> 8);
      out.write(n);
      out.writeBytes(bytes);
    }
    return out.toByteArray();
  }
}
