package io.kubeward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kubeward.cli.FakeKubeward.Answer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kubeward login --sso}: the browser's round trip through a stand-in provider on loopback
 * (discovery, authorize, token with PKCE) and the exchange at a stand-in Kubeward. The server's
 * verification of the ID token is proven by SingleSignOnIT against a real provider; here: what the
 * CLI sends, checks and stores.
 */
class SsoLoginCommandTest {

  @TempDir Path home;
  FakeKubeward kubeward;
  FakeProvider provider;

  @BeforeEach
  void start() throws IOException {
    provider = new FakeProvider();
    kubeward = new FakeKubeward();
    kubeward
        .on(
            "GET /api/v1/auth/sso",
            Answer.json(
                200,
                "{\"enabled\":true,\"displayName\":\"Corp\",\"localSignIn\":true,\"issuer\":\""
                    + provider.url()
                    + "\",\"cliClientId\":\"kubeward-cli\",\"scopes\":[\"openid\",\"groups\"]}"))
        .on(
            "POST /api/v1/auth/sso/token",
            Answer.json(
                201,
                "{\"username\":\"alice\",\"id\":\"t1\",\"name\":\"cli\","
                    + "\"expiresAt\":\"2027-01-01T00:00:00Z\",\"token\":\"kw_from_sso\"}"));
  }

  @AfterEach
  void stop() {
    kubeward.close();
    provider.close();
  }

  @Test
  void theBrowsersSignInBecomesAStoredApiToken() throws Exception {
    Path config = home.resolve("cli.json");
    Running login = Running.start(config, "login", "--server", kubeward.url(), "--sso");

    URI authorize = login.awaitAuthorizeUrl(provider.url());
    Browser.follow(authorize);

    assertThat(login.exitCode()).as(login.err()).isZero();
    assertThat(login.out()).contains("as alice");
    assertThat(provider.authorizeQuery)
        .containsEntry("client_id", "kubeward-cli")
        .containsEntry("code_challenge_method", "S256")
        .containsEntry("scope", "openid groups");
    assertThat(provider.authorizeQuery.get("redirect_uri")).startsWith("http://127.0.0.1:");
    assertThat(provider.verifierMatched).isTrue();
    JsonNode sent = Json.MAPPER.readTree(kubeward.only("POST", "/api/v1/auth/sso/token").body());
    assertThat(sent.get("idToken").asText()).isEqualTo(provider.issuedIdToken);
    JsonNode stored = Json.MAPPER.readTree(Files.readString(config));
    assertThat(stored.get("token").asText()).isEqualTo("kw_from_sso");
  }

  @Test
  void anAnswerWithAnotherStateIsRefusedAndNothingIsStored() throws Exception {
    provider.forgeState = true;
    Path config = home.resolve("cli.json");
    Running login = Running.start(config, "login", "--server", kubeward.url(), "--sso");

    Browser.follow(login.awaitAuthorizeUrl(provider.url()));

    assertThat(login.exitCode()).isEqualTo(ExitCode.REFUSED);
    assertThat(login.err()).contains("does not belong to this sign-in");
    assertThat(kubeward.requests).noneMatch(r -> r.path().equals("/api/v1/auth/sso/token"));
    assertThat(config).doesNotExist();
  }

  /** The CLI running in the background, its error output readable while it waits. */
  record Running(CompletableFuture<Integer> exit, StringWriter output, StringWriter errors) {
    static Running start(Path config, String... args) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      CliContext context =
          new CliContext(
              new PrintWriter(out, true),
              new PrintWriter(err, true),
              new BufferedReader(new StringReader("")),
              Map.of("LANG", "en_US.UTF-8"),
              config,
              null,
              CliRun.CLOCK);
      return new Running(
          CompletableFuture.supplyAsync(() -> KubewardCli.run(args, context)), out, err);
    }

    URI awaitAuthorizeUrl(String providerUrl) throws InterruptedException {
      Pattern url = Pattern.compile(Pattern.quote(providerUrl) + "/authorize\\?\\S+");
      Instant deadline = Instant.now().plusSeconds(20);
      while (Instant.now().isBefore(deadline)) {
        Matcher found = url.matcher(errors.toString());
        if (found.find()) {
          return URI.create(found.group());
        }
        if (exit.isDone()) {
          throw new AssertionError("the CLI ended before printing the address: " + errors);
        }
        TimeUnit.MILLISECONDS.sleep(20); // polling a condition with a deadline, not a wait
      }
      throw new AssertionError("no authorize address within 20 s: " + errors);
    }

    int exitCode() throws Exception {
      return exit.get(30, TimeUnit.SECONDS);
    }

    String out() {
      return output.toString();
    }

    String err() {
      return errors.toString();
    }
  }

  /** Follows redirects like a browser: the provider's answer leads to the CLI's loopback port. */
  static final class Browser {
    static void follow(URI start) throws Exception {
      HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
      HttpResponse<String> page =
          http.send(
              HttpRequest.newBuilder(start).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    }
  }

  /** A provider on loopback: discovery, authorize (redirects back at once) and token (PKCE). */
  static final class FakeProvider implements AutoCloseable {
    final HttpServer server;
    final Map<String, String> authorizeQuery = new ConcurrentHashMap<>();
    volatile boolean forgeState;
    volatile boolean verifierMatched;
    volatile String issuedIdToken;

    FakeProvider() throws IOException {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/.well-known/openid-configuration", this::discovery);
      server.createContext("/authorize", this::authorize);
      server.createContext("/token", this::token);
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void discovery(HttpExchange exchange) throws IOException {
      respond(
          exchange,
          200,
          "{\"issuer\":\"%s\",\"authorization_endpoint\":\"%s/authorize\",\"token_endpoint\":\"%s/token\"}"
              .formatted(url(), url(), url()));
    }

    private void authorize(HttpExchange exchange) throws IOException {
      authorizeQuery.putAll(parse(exchange.getRequestURI().getRawQuery()));
      String state = forgeState ? "forged" : authorizeQuery.get("state");
      exchange
          .getResponseHeaders()
          .set("Location", authorizeQuery.get("redirect_uri") + "?code=the-code&state=" + state);
      exchange.sendResponseHeaders(302, -1);
      exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
      Map<String, String> form =
          parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      try {
        String challenge =
            Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    MessageDigest.getInstance("SHA-256")
                        .digest(form.get("code_verifier").getBytes(StandardCharsets.US_ASCII)));
        verifierMatched =
            challenge.equals(authorizeQuery.get("code_challenge"))
                && "the-code".equals(form.get("code"));
      } catch (Exception e) {
        verifierMatched = false;
      }
      String payload =
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(
                  ("{\"sub\":\"a\",\"nonce\":\"" + authorizeQuery.get("nonce") + "\"}")
                      .getBytes(StandardCharsets.UTF_8));
      issuedIdToken = "eyJhbGciOiJSUzI1NiJ9." + payload + ".c2lnbmF0dXJl";
      respond(exchange, 200, "{\"id_token\":\"" + issuedIdToken + "\"}");
    }

    private static Map<String, String> parse(String raw) {
      Map<String, String> values = new HashMap<>();
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        values.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
      return values;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, bytes.length);
      try (var out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
