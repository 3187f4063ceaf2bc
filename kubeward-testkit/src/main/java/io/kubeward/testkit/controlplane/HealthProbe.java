package io.kubeward.testkit.controlplane;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Asks a component's health endpoint on loopback. The components serve self-signed certificates
 * made at their start, so this probe trusts any certificate and host name: it only ever talks to
 * 127.0.0.1, and only to ask "are you healthy?".
 */
final class HealthProbe {

  private static final SSLSocketFactory TRUSTING = trustingSocketFactory();

  /** Empty when healthy, else what the attempt saw. */
  Optional<String> check(String url, String bearerToken) {
    try {
      HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
      if (connection instanceof HttpsURLConnection https) {
        https.setSSLSocketFactory(TRUSTING);
        https.setHostnameVerifier((host, session) -> true);
      }
      connection.setConnectTimeout(2_000);
      connection.setReadTimeout(5_000);
      if (bearerToken != null) {
        connection.setRequestProperty("Authorization", "Bearer " + bearerToken);
      }
      int status = connection.getResponseCode();
      drain(status < 400 ? connection.getInputStream() : connection.getErrorStream());
      return status == 200 ? Optional.empty() : Optional.of("HTTP " + status + " from " + url);
    } catch (IOException e) {
      return Optional.of(e.getClass().getSimpleName() + " from " + url);
    }
  }

  private static void drain(InputStream stream) throws IOException {
    if (stream != null) {
      try (stream) {
        stream.readAllBytes();
      }
    }
  }

  private static SSLSocketFactory trustingSocketFactory() {
    TrustManager trustAll =
        new X509TrustManager() {
          @Override
          public void checkClientTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public void checkServerTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
          }
        };
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trustAll}, new SecureRandom());
      return context.getSocketFactory();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("TLS is part of every JDK", e);
    }
  }
}
