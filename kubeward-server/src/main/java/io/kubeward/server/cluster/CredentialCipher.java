package io.kubeward.server.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encrypts cluster credentials at rest with AES-256-GCM: a random 12-byte nonce per value, the
 * cluster's name as associated data (a ciphertext moved to another row does not decrypt). Stored as
 * {@code v1:<base64(nonce || ciphertext || tag)>}.
 *
 * <p>The key comes from {@code kubeward.security.encryption-key}, else from {@code
 * <data-dir>/encryption.key}, generated (32 random bytes, file mode 0600) the first time a key is
 * needed; see ADR 0009.
 */
public final class CredentialCipher {

  private static final Logger log = LoggerFactory.getLogger(CredentialCipher.class);
  private static final String PREFIX = "v1:";
  private static final int NONCE = 12;
  private static final int TAG_BITS = 128;

  private final Supplier<byte[]> keySource;
  private final SecureRandom random = new SecureRandom();
  private volatile byte[] key;

  CredentialCipher(Supplier<byte[]> keySource) {
    this.keySource = keySource;
  }

  /** A cipher with a fixed key (32 bytes), for other features' stores in tests. */
  public static CredentialCipher withKey(byte[] key) {
    if (key.length != 32) {
      throw new IllegalArgumentException("the key must have 32 bytes");
    }
    byte[] copy = key.clone();
    return new CredentialCipher(() -> copy);
  }

  /** The configured key, else the key file (created on first use). */
  static CredentialCipher from(ClusterRegistryProperties properties, Path dataDir) {
    return from(properties, dataDir, () -> 0);
  }

  /**
   * The configured key, else the key file, created on first use only while {@code storedValues}
   * says no encrypted credentials exist.
   *
   * @throws CredentialKeyException (when the key is first needed) if the key file is missing while
   *     encrypted credentials exist
   */
  static CredentialCipher from(
      ClusterRegistryProperties properties, Path dataDir, IntSupplier storedValues) {
    String configured = properties.security().encryptionKey();
    if (configured != null && !configured.isBlank()) {
      byte[] key = Base64.getDecoder().decode(configured.strip());
      return new CredentialCipher(() -> key);
    }
    Path file = dataDir.resolve("encryption.key");
    return new CredentialCipher(() -> keyFile(file, storedValues));
  }

  static byte[] keyFile(Path file) {
    return keyFile(file, () -> 0);
  }

  static byte[] keyFile(Path file, IntSupplier storedValues) {
    try {
      if (!Files.exists(file)) {
        int stored = storedValues.getAsInt();
        if (stored > 0) {
          throw new CredentialKeyException(
              "the database holds the encrypted credentials of "
                  + stored
                  + " added cluster(s), but the key file "
                  + file.toAbsolutePath()
                  + " is missing and kubeward.security.encryption-key is not set");
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
          Files.createFile(
              file,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
          Files.writeString(file, Base64.getEncoder().encodeToString(key));
          log.warn(
              "Generated the key that encrypts cluster credentials at rest: {} (keep it with the"
                  + " database and back it up; or set kubeward.security.encryption-key)",
              file.toAbsolutePath());
          return key;
        } catch (FileAlreadyExistsException raced) {
          // another instance wrote it first: read theirs
        }
      }
      byte[] key = Base64.getDecoder().decode(Files.readString(file).strip());
      if (key.length != 32) {
        throw new IllegalStateException(file + " does not hold a 32-byte base64 key");
      }
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the encryption key " + file, e);
    }
  }

  private byte[] key() {
    byte[] k = key;
    if (k == null) {
      synchronized (this) {
        if (key == null) {
          key = keySource.get();
        }
        k = key;
      }
    }
    return k;
  }

  /**
   * A 32-byte key for another purpose derived from the credential key (HMAC-SHA256 of the key over
   * {@code "kubeward/derived-key/v1/" + purpose}), so that purpose never holds the key itself and
   * keys of different purposes are unrelated; e.g. the Release PromQL approval stamp (ADR 0035).
   */
  public byte[] derivedKey(String purpose) {
    if (purpose == null || purpose.isBlank()) {
      throw new IllegalArgumentException("a purpose is required");
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(), "HmacSHA256"));
      return mac.doFinal(("kubeward/derived-key/v1/" + purpose).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 failed", e);
    }
  }

  public String encrypt(String plaintext, String associatedData) {
    try {
      byte[] nonce = new byte[NONCE];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(key(), "AES"),
          new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[NONCE + sealed.length];
      System.arraycopy(nonce, 0, out, 0, NONCE);
      System.arraycopy(sealed, 0, out, NONCE, sealed.length);
      return PREFIX + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM failed", e);
    }
  }

  /**
   * @throws IllegalStateException if the value was altered or encrypted with another key
   */
  public String decrypt(String stored, String associatedData) {
    if (stored == null || !stored.startsWith(PREFIX)) {
      throw new IllegalStateException("not an encrypted value of a known format");
    }
    try {
      byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(key(), "AES"),
          new GCMParameterSpec(TAG_BITS, in, 0, NONCE));
      cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
      return new String(cipher.doFinal(in, NONCE, in.length - NONCE), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("cannot decrypt (altered, or encrypted with another key)", e);
    }
  }
}
