package io.kubeward.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kubeward.cli.CliException;
import io.kubeward.cli.ExitCode;
import io.kubeward.cli.Json;
import io.kubeward.cli.KubewardClient;
import io.kubeward.cli.Messages;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * {@code kubeward login --sso}: the OpenID Connect authorization code flow with PKCE through the
 * person's browser and a redirect to a loopback port of this machine (RFC 8252 §7.3; the provider
 * used in tests has no device authorization grant). The CLI then presents the provider's ID token
 * to Kubeward, which verifies it (signature, issuer, audience = the CLI's client, expiry) and
 * answers a personal API token. The CLI itself checks state and nonce, so no other sign-in can be
 * slipped in.
 */
final class SsoLogin {

  private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(15);
  private static final int MAX_ANSWER_BYTES = 256 * 1024;

  private final KubewardClient kubeward;
  private final Messages messages;
  private final PrintWriter err;
  private final Duration wait;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(HTTP_TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final SecureRandom random = new SecureRandom();

  SsoLogin(KubewardClient kubeward, Messages messages, PrintWriter err, Duration wait) {
    this.kubeward = kubeward;
    this.messages = messages;
    this.err = err;
    this.wait = wait;
  }

  /**
   * @return Kubeward's answer: {@code username}, {@code token}, {@code name}, {@code expiresAt}
   */
  JsonNode signIn(String tokenName, int tokenDays) throws IOException {
    JsonNode settings = kubeward.get("/api/v1/auth/sso");
    if (!settings.path("enabled").asBoolean(false)) {
      throw new CliException(ExitCode.REFUSED, messages.get("login.sso-off", kubeward.server()));
    }
    String issuer = Json.text(settings, "issuer");
    String clientId = Json.text(settings, "cliClientId");
    String scopes =
        settings.path("scopes").isArray()
            ? String.join(" ", Json.MAPPER.convertValue(settings.path("scopes"), String[].class))
            : "openid";
    JsonNode discovery =
        getJson(URI.create(trimSlash(issuer) + "/.well-known/openid-configuration"));
    if (!issuer.equals(Json.text(discovery, "issuer"))) {
      throw new CliException(ExitCode.REFUSED, messages.get("login.sso-provider", issuer));
    }
    String state = randomToken();
    String nonce = randomToken();
    String verifier = randomToken() + randomToken();
    CompletableFuture<Map<String, String>> callback = new CompletableFuture<>();
    HttpServer loopback =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    loopback.createContext("/callback", exchange -> answer(exchange, callback));
    loopback.start();
    try {
      String redirectUri = "http://127.0.0.1:" + loopback.getAddress().getPort() + "/callback";
      Map<String, String> query = new LinkedHashMap<>();
      query.put("response_type", "code");
      query.put("client_id", clientId);
      query.put("redirect_uri", redirectUri);
      query.put("scope", scopes);
      query.put("state", state);
      query.put("nonce", nonce);
      query.put("code_challenge", s256(verifier));
      query.put("code_challenge_method", "S256");
      err.println(
          messages.get(
              "login.sso-open",
              Json.text(discovery, "authorization_endpoint") + "?" + form(query)));
      err.flush();
      Map<String, String> answer = await(callback);
      if (answer.containsKey("error")) {
        throw new CliException(
            ExitCode.REFUSED, messages.get("login.sso-refused", answer.get("error")));
      }
      if (!state.equals(answer.get("state")) || answer.get("code") == null) {
        throw new CliException(ExitCode.REFUSED, messages.get("login.sso-state"));
      }
      String idToken =
          idToken(
              URI.create(Json.text(discovery, "token_endpoint")),
              clientId,
              answer.get("code"),
              redirectUri,
              verifier);
      if (!nonce.equals(Json.text(payload(idToken), "nonce"))) {
        throw new CliException(ExitCode.REFUSED, messages.get("login.sso-state"));
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("idToken", idToken);
      body.put("tokenName", tokenName);
      body.put("expiresInDays", tokenDays);
      return kubeward.post("/api/v1/auth/sso/token", body);
    } finally {
      loopback.stop(0);
    }
  }

  private Map<String, String> await(CompletableFuture<Map<String, String>> callback) {
    try {
      return callback.get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new CliException(ExitCode.TIMED_OUT, messages.get("login.sso-timeout", wait));
    } catch (ExecutionException e) {
      throw new CliException(ExitCode.REFUSED, messages.get("login.sso-state"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(ExitCode.REFUSED, messages.get("login.sso-timeout", wait));
    }
  }

  /** The browser's redirect back: its parameters go to the waiting sign-in, once. */
  private void answer(HttpExchange exchange, CompletableFuture<Map<String, String>> callback)
      throws IOException {
    Map<String, String> params = new HashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw != null && raw.length() < 8192) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          params.put(
              URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    byte[] page = messages.get("login.sso-browser-done").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(200, page.length);
    try (var out = exchange.getResponseBody()) {
      out.write(page);
    } finally {
      // after the page is sent: the sign-in then stops this server
      callback.complete(params);
    }
  }

  private String idToken(
      URI tokenEndpoint, String clientId, String code, String redirectUri, String verifier)
      throws IOException {
    Map<String, String> request = new LinkedHashMap<>();
    request.put("grant_type", "authorization_code");
    request.put("code", code);
    request.put("redirect_uri", redirectUri);
    request.put("client_id", clientId);
    request.put("code_verifier", verifier);
    HttpResponse<byte[]> response =
        send(
            HttpRequest.newBuilder(tokenEndpoint)
                .timeout(HTTP_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(request)))
                .build());
    JsonNode body = Json.MAPPER.readTree(response.body());
    String idToken = Json.text(body, "id_token");
    if (response.statusCode() != 200 || idToken == null) {
      throw new CliException(
          ExitCode.REFUSED,
          messages.get(
              "login.sso-refused", Json.text(body, "error", "http " + response.statusCode())));
    }
    return idToken;
  }

  private JsonNode getJson(URI uri) throws IOException {
    HttpResponse<byte[]> response =
        send(HttpRequest.newBuilder(uri).timeout(HTTP_TIMEOUT).GET().build());
    if (response.statusCode() != 200) {
      throw new CliException(ExitCode.UNREACHABLE, messages.get("login.sso-provider", uri));
    }
    return Json.MAPPER.readTree(response.body());
  }

  private HttpResponse<byte[]> send(HttpRequest request) throws IOException {
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.body().length > MAX_ANSWER_BYTES) {
        throw new CliException(
            ExitCode.REFUSED, messages.get("login.sso-provider", request.uri().getHost()));
      }
      return response;
    } catch (IOException e) {
      throw new CliException(
          ExitCode.UNREACHABLE, messages.get("login.sso-provider", request.uri().getHost()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(
          ExitCode.UNREACHABLE, messages.get("login.sso-provider", request.uri().getHost()));
    }
  }

  /** The ID token's claims, unverified: only to compare the nonce; Kubeward verifies the token. */
  private JsonNode payload(String jwt) throws IOException {
    String[] parts = jwt.split("\\.");
    if (parts.length != 3) {
      throw new CliException(ExitCode.REFUSED, messages.get("login.sso-state"));
    }
    return Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
  }

  private String randomToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String s256(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String form(Map<String, String> values) {
    return values.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static String trimSlash(String value) {
    return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
  }
}
