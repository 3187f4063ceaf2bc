package io.kubeward.server;

import io.kubeward.server.security.InitialCredentials;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Kubeward server started in this JVM the way the sandbox starts it, and an HTTP client for it.
 */
public final class RunningServer implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ConfigurableApplicationContext context;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final int port;

  private RunningServer(ConfigurableApplicationContext context) {
    this.context = context;
    this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
  }

  /** Starts on a random port with the given extra arguments. */
  public static RunningServer start(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "--server.port=0";
    System.arraycopy(args, 0, all, 1, args.length);
    return new RunningServer(KubewardServer.start(all));
  }

  public InitialCredentials credentials() {
    return context.getBean(InitialCredentials.class);
  }

  public ConfigurableApplicationContext context() {
    return context;
  }

  /** An HTTP answer as a user's client sees it. */
  public record Response(int status, String contentType, String body, HttpResponse<String> raw) {
    public JsonNode json() {
      return JSON.readTree(body);
    }
  }

  public Response get(String path) {
    return send(path, null, null);
  }

  public Response getAsAdmin(String path) {
    return send(path, credentials(), null);
  }

  public Response getAsAdmin(String path, String acceptLanguage) {
    return send(path, credentials(), acceptLanguage);
  }

  public Response send(String path, InitialCredentials user, String acceptLanguage) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .header("Accept", "application/json, application/problem+json");
    if (user != null) {
      String token = user.username() + ":" + user.password();
      request.header(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)));
    }
    if (acceptLanguage != null) {
      request.header("Accept-Language", acceptLanguage);
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body(),
          response);
    } catch (IOException e) {
      throw new IllegalStateException("GET " + path + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    context.close();
    http.close();
  }
}
