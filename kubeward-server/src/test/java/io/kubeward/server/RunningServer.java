package io.kubeward.server;

import io.kubeward.server.user.InitialCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Kubeward server started in this JVM the way the sandbox starts it (each with a fresh database
 * in a temporary {@code kubeward.data-dir}), and HTTP clients for it: anonymous, a console session
 * (cookies + CSRF header, see {@link #login}) or a bearer token.
 */
public final class RunningServer implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The admin's password once {@link #admin()} has replaced a generated one. */
  public static final String CHANGED_ADMIN_PASSWORD = "changed-admin-password-1";

  private final ConfigurableApplicationContext context;
  private final Path dataDir;
  private final Client anonymous;
  private final int port;
  private Session admin;

  private RunningServer(ConfigurableApplicationContext context, Path dataDir) {
    this.context = context;
    this.dataDir = dataDir;
    this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    this.anonymous = new Client(null);
  }

  /** Starts on a random port with the given extra arguments and, unless given, a fresh data dir. */
  public static RunningServer start(String... args) {
    List<String> all = new ArrayList<>(List.of("--server.port=0"));
    Path dataDir = null;
    if (Stream.of(args)
        .noneMatch(
            a -> a.startsWith("--kubeward.data-dir") || a.startsWith("--spring.datasource.url"))) {
      try {
        dataDir = Files.createTempDirectory("kubeward-data-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      all.add("--kubeward.data-dir=" + dataDir);
    }
    all.addAll(List.of(args));
    try {
      return new RunningServer(KubewardServer.start(all.toArray(String[]::new)), dataDir);
    } catch (RuntimeException e) {
      delete(dataDir);
      throw e;
    }
  }

  public InitialCredentials credentials() {
    return context.getBean(InitialCredentials.class);
  }

  public ConfigurableApplicationContext context() {
    return context;
  }

  public String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  /** A URL on the management port (metrics, ADR 0017): any free port, as the HTTP port. */
  public String managementUrl(String path) {
    return "http://127.0.0.1:"
        + context.getEnvironment().getProperty("local.management.port")
        + path;
  }

  /** An HTTP answer as a user's client sees it. */
  public record Response(int status, String contentType, String body, HttpResponse<String> raw) {
    public JsonNode json() {
      return JSON.readTree(body);
    }

    /** The {@code Set-Cookie} header for {@code name}, or {@code null}. */
    public String setCookie(String name) {
      return raw.headers().allValues("Set-Cookie").stream()
          .filter(c -> c.startsWith(name + "="))
          .reduce((first, second) -> second)
          .orElse(null);
    }

    public String problemCode() {
      return json().path("code").asString();
    }

    // --- issue 19 loading ---
    /**
     * Whether this is an overview answered in full: 200 and no longer {@code loading} (it answers
     * 200 while the cache still lists, ADR 0057).
     */
    public boolean completeOverview() {
      return status == 200 && !json().path("loading").asBoolean(true);
    }
    // --- end issue 19 loading ---
  }

  public Response get(String path) {
    return anonymous.send("GET", path, null, Map.of());
  }

  public Response getAsAdmin(String path) {
    return admin().get(path);
  }

  public Response getAsAdmin(String path, String acceptLanguage) {
    return admin().send("GET", path, null, Map.of("Accept-Language", acceptLanguage));
  }

  /** A GET as {@code user} (signed in for it), or anonymous when {@code user} is null. */
  public Response send(String path, InitialCredentials user, String acceptLanguage) {
    Map<String, String> headers =
        acceptLanguage == null ? Map.of() : Map.of("Accept-Language", acceptLanguage);
    if (user == null) {
      return anonymous.send("GET", path, null, headers);
    }
    Session session = new Session();
    Response login = session.login(user.username(), user.password());
    return login.status() != 200 ? login : session.send("GET", path, null, headers);
  }

  /** Any request without credentials. */
  public Response anonymous(String method, String path, Object body, Map<String, String> headers) {
    return anonymous.send(method, path, body, headers);
  }

  /**
   * The admin's console session; a generated first password is changed to {@link
   * #CHANGED_ADMIN_PASSWORD} first, as a user would.
   */
  public synchronized Session admin() {
    if (admin == null) {
      InitialCredentials credentials = credentials();
      Session session = new Session();
      Response login = session.login(credentials.username(), credentials.password());
      if (login.status() != 200) {
        throw new IllegalStateException("admin cannot sign in: " + login.body());
      }
      if (login.json().get("mustChangePassword").asBoolean()) {
        Response changed =
            session.post(
                "/api/v1/auth/password",
                Map.of(
                    "currentPassword",
                    credentials.password(),
                    "newPassword",
                    CHANGED_ADMIN_PASSWORD));
        if (changed.status() != 204) {
          throw new IllegalStateException("admin cannot change the password: " + changed.body());
        }
      }
      admin = session;
    }
    return admin;
  }

  /** Signs in through {@code POST /api/v1/auth/login}; check {@link Session#lastLogin()}. */
  /**
   * Creates a user as admin with the given grants ({@code role}, {@code cluster}, {@code namespace}
   * maps) and signs them in, choosing a new password as the first sign-in requires.
   */
  public Session newUser(String name, java.util.List<Map<String, String>> grants) {
    String initial = name + "-initial-password";
    Response created =
        admin()
            .post("/api/v1/users", Map.of("username", name, "password", initial, "grants", grants));
    if (created.status() != 201) {
      throw new IllegalStateException("creating " + name + " answered " + created.body());
    }
    Session session = login(name, initial);
    Response changed =
        session.post(
            "/api/v1/auth/password",
            Map.of("currentPassword", initial, "newPassword", name + "-chosen-password"));
    if (changed.status() != 204) {
      throw new IllegalStateException("password change of " + name + " answered " + changed.body());
    }
    return session;
  }

  public Session login(String username, String password) {
    Session session = new Session();
    session.login(username, password);
    return session;
  }

  /** A client that sends {@code Authorization: Bearer <token>} (and no cookies). */
  public Client bearer(String token, Map<String, String> extraHeaders) {
    Map<String, String> headers = new java.util.HashMap<>(extraHeaders);
    headers.put("Authorization", "Bearer " + token);
    return new Client(null, headers);
  }

  /** An HTTP client for this server with optional cookies and fixed headers. */
  public class Client {
    final CookieManager cookies;
    final HttpClient http;
    final Map<String, String> fixedHeaders;

    Client(CookieManager cookies) {
      this(cookies, Map.of());
    }

    Client(CookieManager cookies, Map<String, String> fixedHeaders) {
      this.cookies = cookies;
      this.fixedHeaders = Map.copyOf(fixedHeaders);
      HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
      if (cookies != null) {
        builder.cookieHandler(cookies);
      }
      this.http = builder.build();
    }

    public Response get(String path) {
      return send("GET", path, null, Map.of());
    }

    public Response post(String path, Object body) {
      return send("POST", path, body, Map.of());
    }

    public Response put(String path, Object body) {
      return send("PUT", path, body, Map.of());
    }

    public Response delete(String path) {
      return send("DELETE", path, null, Map.of());
    }

    Map<String, String> headers(String method) {
      return fixedHeaders;
    }

    /** Opens a Server-Sent Events stream at {@code path} and reads it in the background. */
    public EventStream stream(String path) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(url(path))).header("Accept", "text/event-stream");
      headers("GET").forEach(request::header);
      return new EventStream(
          http.sendAsync(request.GET().build(), HttpResponse.BodyHandlers.ofLines()));
    }

    public Response send(String method, String path, Object body, Map<String, String> headers) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(url(path)))
              .timeout(Duration.ofSeconds(20))
              .header("Accept", "application/json, application/problem+json");
      if (body != null) {
        request.header("Content-Type", "application/json");
        request.method(
            method,
            HttpRequest.BodyPublishers.ofString(
                body instanceof String text ? text : JSON.writeValueAsString(body)));
      } else {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      }
      headers(method).forEach(request::header);
      headers.forEach(request::setHeader);
      try {
        HttpResponse<String> response =
            http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Response(
            response.statusCode(),
            response.headers().firstValue("Content-Type").orElse(""),
            response.body(),
            response);
      } catch (IOException e) {
        throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * A browser-like console session: keeps the cookies and sends {@code X-XSRF-TOKEN} with the
   * {@code XSRF-TOKEN} cookie's value on mutating requests (unless {@link #withoutCsrf()}).
   */
  public final class Session extends Client {
    private boolean csrf = true;
    private Response lastLogin;

    Session() {
      super(new CookieManager());
    }

    public Response login(String username, String password) {
      lastLogin =
          send(
              "POST",
              "/api/v1/auth/login",
              Map.of("username", username, "password", password),
              Map.of());
      return lastLogin;
    }

    public Response lastLogin() {
      return lastLogin;
    }

    /** The same cookies, but mutating requests without the CSRF header. */
    public Session withoutCsrf() {
      csrf = false;
      return this;
    }

    public String cookie(String name) {
      return cookies.getCookieStore().getCookies().stream()
          .filter(c -> c.getName().equals(name))
          .map(HttpCookie::getValue)
          .findFirst()
          .orElse(null);
    }

    @Override
    Map<String, String> headers(String method) {
      String token = cookie("XSRF-TOKEN");
      if (!csrf || token == null || method.equals("GET")) {
        return Map.of();
      }
      return Map.of("X-XSRF-TOKEN", token);
    }

    /** Creates an API token for this session's user and returns its secret. */
    public String createToken(String name, int days) {
      Response created = post("/api/v1/auth/tokens", Map.of("name", name, "expiresInDays", days));
      if (created.status() != 201) {
        throw new IllegalStateException("cannot create a token: " + created.body());
      }
      return created.json().get("token").asString();
    }
  }

  /** A Server-Sent Events response being read: its status, the lines so far, whether it ended. */
  public static final class EventStream implements AutoCloseable {
    private final java.util.concurrent.CompletableFuture<HttpResponse<Stream<String>>> response;
    private final List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicBoolean ended =
        new java.util.concurrent.atomic.AtomicBoolean();

    EventStream(java.util.concurrent.CompletableFuture<HttpResponse<Stream<String>>> response) {
      this.response = response;
      response.thenAccept(
          r ->
              Thread.ofVirtual()
                  .start(
                      () -> {
                        try (Stream<String> body = r.body()) {
                          body.forEach(lines::add);
                        } catch (RuntimeException closed) {
                          // closed by the test or the server
                        } finally {
                          ended.set(true);
                        }
                      }));
    }

    /** The status (waits for the response's head, at most 20 s). */
    public int status() {
      try {
        return response.get(20, java.util.concurrent.TimeUnit.SECONDS).statusCode();
      } catch (Exception e) {
        throw new IllegalStateException("no response", e);
      }
    }

    public HttpResponse<Stream<String>> raw() {
      status();
      return response.join();
    }

    public List<String> lines() {
      return List.copyOf(lines);
    }

    /** Whether the server ended the response. */
    public boolean ended() {
      return ended.get();
    }

    @Override
    public void close() {
      response.thenAccept(r -> r.body().close());
      response.cancel(true);
    }
  }

  @Override
  public void close() {
    try {
      context.close();
    } finally {
      delete(dataDir);
    }
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: a temporary folder
    }
  }
}
