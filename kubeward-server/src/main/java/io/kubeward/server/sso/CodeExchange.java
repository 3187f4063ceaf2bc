package io.kubeward.server.sso;

import io.kubeward.sso.app.SsoException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The token request of the authorization code grant with PKCE (RFC 6749 §4.1.3, RFC 7636 §4.5): the
 * code and verifier for the provider's ID token. A confidential client authenticates with HTTP
 * Basic.
 */
final class CodeExchange {

  static final int MAX_RESPONSE_BYTES = 256 * 1024;
  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  private final HttpClient http;
  private final String clientId;
  private final String clientSecret;
  private final JsonMapper json = JsonMapper.builder().build();

  CodeExchange(HttpClient http, String clientId, String clientSecret) {
    this.http = http;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
  }

  /**
   * @return the ID token
   * @throws SsoException {@code sso.provider-error} when the provider refuses the code, {@code
   *     sso.provider-unavailable} when it cannot be reached
   */
  String idToken(
      OidcProvider.Endpoints endpoints, String code, String verifier, String redirectUri) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", redirectUri);
    form.put("code_verifier", verifier);
    form.put("client_id", clientId);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoints.token())
            .timeout(TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
    if (clientSecret != null && !clientSecret.isBlank()) {
      String basic =
          URLEncoder.encode(clientId, StandardCharsets.UTF_8)
              + ":"
              + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
      request.header(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
    }
    HttpResponse<byte[]> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw SsoException.providerUnavailable(endpoints.issuer());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw SsoException.providerUnavailable(endpoints.issuer());
    }
    if (response.body().length > MAX_RESPONSE_BYTES) {
      throw SsoException.invalidToken("the provider's answer is too large");
    }
    JsonNode body;
    try {
      body = json.readTree(response.body());
    } catch (RuntimeException e) {
      throw SsoException.invalidToken("the provider's answer is not JSON");
    }
    if (response.statusCode() != 200) {
      throw SsoException.providerError(
          body.path("error").asString("http-" + response.statusCode()));
    }
    String idToken = body.path("id_token").asString("");
    if (idToken.isEmpty()) {
      throw SsoException.invalidToken("the provider sent no ID token");
    }
    return idToken;
  }

  static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  static URI withQuery(URI endpoint, Map<String, String> query) {
    String separator = endpoint.getRawQuery() == null ? "?" : "&";
    return URI.create(endpoint + separator + encode(query));
  }
}
