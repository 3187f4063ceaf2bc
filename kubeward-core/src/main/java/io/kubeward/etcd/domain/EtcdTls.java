package io.kubeward.etcd.domain;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parsed TLS material of an {@link EtcdConnection}: the trusted CA certificates, the client
 * certificate chain (leaf first) and its PKCS#8 private key (RSA, EC or Ed25519). Pure parsing with
 * the JDK; the failures are the messages an administrator sees.
 */
public record EtcdTls(List<X509Certificate> ca, List<X509Certificate> chain, PrivateKey key) {

  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END \\1-----");

  public EtcdTls {
    ca = List.copyOf(ca);
    chain = List.copyOf(chain);
  }

  /** Thrown with a message naming the field and what is wrong with it. */
  public static final class InvalidPemException extends Exception {
    public InvalidPemException(String message) {
      super(message);
    }
  }

  public static EtcdTls parse(String caPem, String certPem, String keyPem)
      throws InvalidPemException {
    List<X509Certificate> ca = certificates("ca", caPem);
    List<X509Certificate> chain = certificates("cert", certPem);
    PrivateKey key = privateKey(keyPem);
    if (!matches(chain.getFirst(), key)) {
      throw new InvalidPemException("key: does not belong to the client certificate");
    }
    return new EtcdTls(ca, chain, key);
  }

  public CertificateInfo clientInfo() {
    return info(chain.getFirst());
  }

  public List<CertificateInfo> caInfo() {
    return ca.stream().map(EtcdTls::info).toList();
  }

  public static CertificateInfo info(X509Certificate certificate) {
    return new CertificateInfo(
        certificate.getSubjectX500Principal().getName(),
        certificate.getIssuerX500Principal().getName(),
        fingerprint(certificate),
        certificate.getNotBefore().toInstant(),
        certificate.getNotAfter().toInstant());
  }

  static List<X509Certificate> certificates(String field, String pem) throws InvalidPemException {
    List<X509Certificate> certificates = new ArrayList<>();
    CertificateFactory factory;
    try {
      factory = CertificateFactory.getInstance("X.509");
    } catch (CertificateException e) {
      throw new IllegalStateException(e);
    }
    Matcher m = BLOCK.matcher(pem);
    while (m.find()) {
      if (!m.group(1).equals("CERTIFICATE")) {
        throw new InvalidPemException(field + ": holds a " + m.group(1) + ", not a CERTIFICATE");
      }
      if (certificates.size() >= EtcdRules.MAX_CA_CERTIFICATES) {
        throw new InvalidPemException(
            field + ": more than " + EtcdRules.MAX_CA_CERTIFICATES + " certificates");
      }
      try {
        byte[] der = Base64.getMimeDecoder().decode(m.group(2));
        certificates.add(
            (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
      } catch (IllegalArgumentException | CertificateException e) {
        throw new InvalidPemException(
            field + ": a certificate does not parse (" + e.getMessage() + ")");
      }
    }
    if (certificates.isEmpty()) {
      throw new InvalidPemException(field + ": no PEM certificate (-----BEGIN CERTIFICATE-----)");
    }
    return certificates;
  }

  static PrivateKey privateKey(String pem) throws InvalidPemException {
    Matcher m = BLOCK.matcher(pem);
    if (!m.find()) {
      throw new InvalidPemException("key: no PEM private key (-----BEGIN PRIVATE KEY-----)");
    }
    String type = m.group(1);
    if (type.equals("RSA PRIVATE KEY") || type.equals("EC PRIVATE KEY")) {
      throw new InvalidPemException(
          "key: a "
              + type
              + " (PKCS#1/SEC 1) is not supported; convert it to PKCS#8 with"
              + " `openssl pkcs8 -topk8 -nocrypt -in key.pem`");
    }
    if (type.equals("ENCRYPTED PRIVATE KEY")) {
      throw new InvalidPemException("key: an encrypted key is not supported; decrypt it first");
    }
    if (!type.equals("PRIVATE KEY")) {
      throw new InvalidPemException("key: holds a " + type + ", not a PRIVATE KEY");
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(m.group(2));
    } catch (IllegalArgumentException e) {
      throw new InvalidPemException("key: not base64");
    }
    for (String algorithm : List.of("EC", "RSA", "Ed25519", "Ed448")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException | IllegalArgumentException tryNext) {
        // another algorithm
      }
    }
    throw new InvalidPemException("key: not an RSA, EC or Ed25519 PKCS#8 key");
  }

  /** Whether {@code key} signs what the certificate's public key verifies. */
  static boolean matches(X509Certificate certificate, PrivateKey key) {
    String algorithm =
        switch (key.getAlgorithm()) {
          case "EC" -> "SHA256withECDSA";
          case "RSA" -> "SHA256withRSA";
          default -> key.getAlgorithm();
        };
    try {
      byte[] probe = "kubeward-etcd-key-check".getBytes(StandardCharsets.UTF_8);
      java.security.Signature signer = java.security.Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      java.security.Signature verifier = java.security.Signature.getInstance(algorithm);
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(probe);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  static String fingerprint(X509Certificate certificate) {
    try {
      return HexFormat.ofDelimiter(":")
          .withUpperCase()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }
}
