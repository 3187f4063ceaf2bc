package io.kubeward.backup.domain.archive;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the Secrets of an archive (ADR 0040, docs/ARCHIVE-FORMAT.md): AES-256-GCM, a random 12-byte
 * nonce per entry, the entry's path as associated data (a sealed entry moved to another path does
 * not open), stored as {@code nonce || ciphertext || tag}. New archives are sealed with the active
 * key, whose id the manifest records; older keys stay configured to open older archives.
 *
 * <p>Keys come from configuration ({@code kubeward.backups.encryption.*}): an id ({@code
 * [A-Za-z0-9._-]}, 1–64 characters) and 32 bytes, base64.
 */
public final class SecretSealer {

  public static final String ALGORITHM = "AES-256-GCM";
  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final int NONCE = 12;
  private static final int TAG_BITS = 128;

  private final String activeKeyId;
  private final Map<String, byte[]> keys;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param activeKeyId the key new archives are sealed with; one of {@code keys}
   * @param keys every key by id (32 bytes each)
   * @throws IllegalArgumentException for a malformed id, a key that is not 32 bytes, or an active
   *     id that is not among the keys
   */
  public SecretSealer(String activeKeyId, Map<String, byte[]> keys) {
    Objects.requireNonNull(activeKeyId, "activeKeyId");
    Map<String, byte[]> copy = new LinkedHashMap<>();
    keys.forEach(
        (id, key) -> {
          if (id == null || !KEY_ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                "an encryption key id must be 1-64 characters of A-Z a-z 0-9 . _ -: " + id);
          }
          if (key == null || key.length != 32) {
            throw new IllegalArgumentException(
                "the encryption key " + id + " must have 32 bytes (AES-256)");
          }
          copy.put(id, key.clone());
        });
    if (!copy.containsKey(activeKeyId)) {
      throw new IllegalArgumentException(
          "the active encryption key " + activeKeyId + " is not among the configured keys");
    }
    this.activeKeyId = activeKeyId;
    this.keys = Map.copyOf(copy);
  }

  /** One key, active. */
  public static SecretSealer of(String keyId, byte[] key) {
    return new SecretSealer(keyId, Map.of(keyId, key));
  }

  /**
   * Keys as configuration holds them (base64).
   *
   * @throws IllegalArgumentException for a value that is not base64 or not 32 bytes
   */
  public static SecretSealer fromBase64(String activeKeyId, Map<String, String> keys) {
    Map<String, byte[]> decoded = new LinkedHashMap<>();
    keys.forEach(
        (id, value) -> {
          try {
            decoded.put(id, Base64.getDecoder().decode(value == null ? "" : value.strip()));
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the encryption key " + id + " is not base64", e);
          }
        });
    return new SecretSealer(activeKeyId, decoded);
  }

  /** The id of the key new archives are sealed with. */
  public String keyId() {
    return activeKeyId;
  }

  public Set<String> keyIds() {
    return keys.keySet();
  }

  public boolean knows(String keyId) {
    return keyId != null && keys.containsKey(keyId);
  }

  /** Seals {@code plaintext} with the active key, bound to {@code associatedData}. */
  public byte[] seal(byte[] plaintext, String associatedData) {
    try {
      byte[] nonce = new byte[NONCE];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(keys.get(activeKeyId), "AES"),
          new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(associatedData.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plaintext);
      byte[] out = new byte[NONCE + sealed.length];
      System.arraycopy(nonce, 0, out, 0, NONCE);
      System.arraycopy(sealed, 0, out, NONCE, sealed.length);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM failed", e);
    }
  }

  /**
   * Opens what {@link #seal} sealed with key {@code keyId}.
   *
   * @throws SealedObjectException {@code backup.encryption-key-unknown} when {@code keyId} is not
   *     configured, {@code backup.sealed-entry-unreadable} when the entry was altered, moved or
   *     sealed with another key of the same id
   */
  public byte[] unseal(String keyId, byte[] sealed, String associatedData) {
    byte[] key = keyId == null ? null : keys.get(keyId);
    if (key == null) {
      throw SealedObjectException.keyUnknown(keyId, keys.keySet());
    }
    if (sealed.length < NONCE + TAG_BITS / 8) {
      throw SealedObjectException.unreadable(associatedData, "shorter than a nonce and a tag");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(key, "AES"),
          new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE));
      cipher.updateAAD(associatedData.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return cipher.doFinal(sealed, NONCE, sealed.length - NONCE);
    } catch (AEADBadTagException e) {
      throw SealedObjectException.unreadable(
          associatedData, "altered, moved, or sealed with another key");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM failed", e);
    }
  }

  @Override
  public String toString() {
    return "SecretSealer[active=" + activeKeyId + ", keys=" + keys.keySet() + "]";
  }
}
