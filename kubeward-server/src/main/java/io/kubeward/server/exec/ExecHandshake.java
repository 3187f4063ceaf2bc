package io.kubeward.server.exec;

import io.kubeward.server.security.CurrentUser;
import io.kubeward.server.web.LanguageResolver;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * The handshake of the exec and port-forward WebSockets, after the HTTP edge (canonical path,
 * request guards) and the security filters authenticated it like any {@code GET /api/**}: a console
 * session by its cookie, the CLI by its bearer token.
 *
 * <p>A WebSocket handshake is a {@code GET}, which the cookie-to-header CSRF check does not cover,
 * and browsers send cookies with it from any page (cross-site WebSocket hijacking). So a handshake
 * authenticated by the session cookie must carry an {@code Origin} that is this server's own
 * (scheme, host and port of the request as the browser addressed it; behind a trusted proxy, the
 * forwarded scheme): else 403 before anything is opened. A bearer token is no ambient credential (a
 * page cannot make a browser send it), so the CLI needs no {@code Origin}.
 *
 * <p>Keeps the caller, the language ({@code Accept-Language}), the path's cluster, namespace and
 * pod and the query for the handler, which validates them and answers problems as frames.
 */
final class ExecHandshake implements HandshakeInterceptor {

  private static final Logger log = LoggerFactory.getLogger(ExecHandshake.class);

  static final String CALLER = "kubeward.caller";
  static final String LOCALE = "kubeward.locale";
  static final String PATH = "kubeward.path";
  static final String QUERY = "kubeward.query";

  /** {@code /api/v1/clusters/{c}/namespaces/{ns}/pods/{pod}/{exec|portforward}} as segments. */
  record PodPath(String cluster, String namespace, String pod) {

    static PodPath parse(String path) {
      String[] s = path.split("/");
      // "", api, v1, clusters, c, namespaces, ns, pods, pod, exec
      if (s.length != 10 || !"clusters".equals(s[3]) || !"namespaces".equals(s[5])) {
        throw new IllegalArgumentException("not a pod path: " + path);
      }
      return new PodPath(s[4], s[6], s[8]);
    }
  }

  @Override
  public boolean beforeHandshake(
      ServerHttpRequest request,
      ServerHttpResponse response,
      WebSocketHandler handler,
      Map<String, Object> attributes) {
    if (!(request instanceof ServletServerHttpRequest servlet)) {
      response.setStatusCode(HttpStatus.BAD_REQUEST);
      return false;
    }
    HttpServletRequest http = servlet.getServletRequest();
    CurrentUser caller;
    try {
      caller = CurrentUser.of(http);
    } catch (RuntimeException unauthenticated) {
      response.setStatusCode(HttpStatus.UNAUTHORIZED);
      return false;
    }
    if (!caller.viaToken() && !sameOrigin(http)) {
      log.info(
          "Exec WebSocket of {} refused: Origin {} is not this server's",
          caller.account().username(),
          http.getHeader(HttpHeaders.ORIGIN));
      response.setStatusCode(HttpStatus.FORBIDDEN);
      return false;
    }
    Locale locale = LanguageResolver.resolve(http.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    attributes.put(CALLER, caller);
    attributes.put(LOCALE, locale);
    attributes.put(PATH, http.getRequestURI());
    attributes.put(QUERY, Map.copyOf(queryOf(http)));
    return true;
  }

  private static Map<String, List<String>> queryOf(HttpServletRequest http) {
    Map<String, List<String>> query = new java.util.LinkedHashMap<>();
    http.getParameterMap().forEach((k, v) -> query.put(k, List.of(v)));
    return query;
  }

  /**
   * Whether the {@code Origin} header names the server the browser addressed: same scheme
   * (Tomcat's, which follows a trusted proxy), same host and port as the {@code Host} header.
   */
  static boolean sameOrigin(HttpServletRequest http) {
    String origin = http.getHeader(HttpHeaders.ORIGIN);
    String host = http.getHeader(HttpHeaders.HOST);
    if (origin == null || host == null) {
      return false;
    }
    try {
      URI o = URI.create(origin);
      URI h = URI.create(http.getScheme() + "://" + host);
      return o.getScheme() != null
          && o.getScheme().equalsIgnoreCase(h.getScheme())
          && o.getHost() != null
          && o.getHost().equalsIgnoreCase(h.getHost())
          && port(o) == port(h)
          && (o.getPath() == null || o.getPath().isEmpty());
    } catch (IllegalArgumentException malformed) {
      return false;
    }
  }

  private static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  @Override
  public void afterHandshake(
      ServerHttpRequest request,
      ServerHttpResponse response,
      WebSocketHandler handler,
      Exception exception) {}
}
