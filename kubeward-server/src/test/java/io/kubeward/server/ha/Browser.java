package io.kubeward.server.ha;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person at the console behind a load balancer: one cookie jar (session + CSRF cookies), a new
 * connection for every request, so a round-robin proxy sends consecutive requests to different
 * replicas. Mutations carry {@code X-XSRF-TOKEN} from the cookie, as the console does.
 */
final class Browser {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** An HTTP reply. */
  record Reply(int status, String body) {
    JsonNode json() {
      return JSON.readTree(body);
    }
  }

  private final int port;
  private final CookieManager cookies = new CookieManager();

  Browser(int port) {
    this.port = port;
  }

  Reply signIn(String username, String password) {
    return send("POST", "/api/v1/auth/login", Map.of("username", username, "password", password));
  }

  Reply get(String path) {
    return send("GET", path, null);
  }

  Reply post(String path, Object body) {
    return send("POST", path, body);
  }

  Reply delete(String path) {
    return send("DELETE", path, null);
  }

  String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElse(null);
  }

  Reply send(String method, String path, Object body) {
    try (HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .cookieHandler(cookies)
            .build()) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
              .timeout(Duration.ofSeconds(20))
              .header("Accept", "application/json, application/problem+json");
      if (body != null) {
        request
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      } else {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      }
      String xsrf = cookie("XSRF-TOKEN");
      if (!method.equals("GET") && xsrf != null) {
        request.header("X-XSRF-TOKEN", xsrf);
      }
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " through the proxy: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
