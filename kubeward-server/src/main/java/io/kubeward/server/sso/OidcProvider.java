package io.kubeward.server.sso;

import io.kubeward.sso.app.SsoException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The provider's endpoints from its discovery document, read on first use and kept (read again
 * after a failure), so Kubeward starts while the provider is down. The document's {@code issuer}
 * must be the configured one exactly (OpenID Connect Discovery §4.3).
 */
final class OidcProvider {

  /** The provider's endpoints; {@code endSession} is {@code null} when it has none. */
  record Endpoints(
      String issuer, URI authorization, URI token, URI jwks, URI endSession, String raw) {}

  static final int MAX_DOCUMENT_BYTES = 256 * 1024;
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final String issuer;
  private final HttpClient http;
  private final JsonMapper json = JsonMapper.builder().build();
  private volatile Endpoints endpoints;

  OidcProvider(URI issuer, HttpClient http) {
    this.issuer = issuer.toString();
    this.http = http;
  }

  String issuer() {
    return issuer;
  }

  /**
   * @throws SsoException {@code sso.provider-unavailable} when the document cannot be read or is
   *     not the configured issuer's
   */
  Endpoints endpoints() {
    Endpoints known = endpoints;
    if (known != null) {
      return known;
    }
    Endpoints read = read();
    endpoints = read;
    return read;
  }

  private Endpoints read() {
    String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    URI document = URI.create(base + "/.well-known/openid-configuration");
    try {
      HttpResponse<byte[]> response =
          http.send(
              HttpRequest.newBuilder(document).timeout(TIMEOUT).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200 || response.body().length > MAX_DOCUMENT_BYTES) {
        throw SsoException.providerUnavailable(issuer);
      }
      JsonNode node = json.readTree(response.body());
      if (!issuer.equals(node.path("issuer").asString(""))) {
        throw SsoException.providerUnavailable(issuer);
      }
      return new Endpoints(
          issuer,
          uri(node, "authorization_endpoint"),
          uri(node, "token_endpoint"),
          uri(node, "jwks_uri"),
          node.hasNonNull("end_session_endpoint") ? uri(node, "end_session_endpoint") : null,
          null);
    } catch (IOException | RuntimeException e) {
      if (e instanceof SsoException known) {
        throw known;
      }
      throw SsoException.providerUnavailable(issuer);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw SsoException.providerUnavailable(issuer);
    }
  }

  private URI uri(JsonNode node, String field) {
    String value = node.path(field).asString("");
    URI uri = URI.create(value);
    if (!uri.isAbsolute() || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
      throw SsoException.providerUnavailable(issuer);
    }
    return uri;
  }
}
