package io.kubeward.common;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a secret value becomes where a diff must show that it changed without showing it: {@code
 * <redacted:1a2b3c4d>}, a keyed hash with a key of this instance (random, never stored), so equal
 * values mark equally within one process and nothing can be looked up across processes.
 */
public final class RedactionMarks {

  private final byte[] key = new byte[32];

  public RedactionMarks() {
    new SecureRandom().nextBytes(key);
  }

  public String mark(Object value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] digest = mac.doFinal(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
      return "<redacted:" + HexFormat.of().formatHex(digest, 0, 4) + ">";
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
