package io.kubeward.testkit.controlplane;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** The secrets a fresh control plane needs: the admin token and the service-account signing key. */
final class Credentials {

  static final String ADMIN_USER = "kubeward-admin";

  private final String adminToken;
  private final Path tokenFile;
  private final Path serviceAccountKey;

  private Credentials(String adminToken, Path tokenFile, Path serviceAccountKey) {
    this.adminToken = adminToken;
    this.tokenFile = tokenFile;
    this.serviceAccountKey = serviceAccountKey;
  }

  static Credentials generate(Path pkiDir) throws IOException {
    Files.createDirectories(pkiDir);
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    String token = HexFormat.of().formatHex(random);
    Path tokenFile = pkiDir.resolve("tokens.csv");
    Files.writeString(
        tokenFile, token + "," + ADMIN_USER + ",kubeward-admin-uid,\"system:masters\"\n");
    Path key = pkiDir.resolve("service-account.key");
    Files.writeString(key, rsaPrivateKeyPem());
    return new Credentials(token, tokenFile, key);
  }

  private static String rsaPrivateKeyPem() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
      return "-----BEGIN PRIVATE KEY-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pkcs8)
          + "\n-----END PRIVATE KEY-----\n";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("RSA is part of every JDK", e);
    }
  }

  String adminToken() {
    return adminToken;
  }

  Path tokenFile() {
    return tokenFile;
  }

  Path serviceAccountKey() {
    return serviceAccountKey;
  }
}
