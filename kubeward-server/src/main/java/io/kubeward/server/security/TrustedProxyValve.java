package io.kubeward.server.security;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * Applies {@code X-Forwarded-For} and {@code X-Forwarded-Proto} of requests from trusted proxies
 * inside Tomcat, before anything reads the request: the client address ({@code getRemoteAddr},
 * hence {@code Caller}, audit and throttling), {@code isSecure()} and the scheme (hence the {@code
 * Secure} flag of the session and CSRF cookies, and HSTS). Requests from other addresses are not
 * changed. Unlike Tomcat's {@code RemoteIpValve}, nothing is trusted by default.
 */
final class TrustedProxyValve extends ValveBase {

  private final TrustedProxies proxies;

  TrustedProxyValve(TrustedProxies proxies) {
    super(true);
    this.proxies = proxies;
  }

  @Override
  public void invoke(Request request, Response response) throws IOException, ServletException {
    String remote = request.getRemoteAddr();
    if (!proxies.trusts(remote)) {
      getNext().invoke(request, response);
      return;
    }
    String originalHost = request.getRemoteHost();
    boolean originalSecure = request.isSecure();
    String originalScheme = request.getScheme();
    try {
      Optional<String> client =
          proxies.clientAddress(remote, Collections.list(request.getHeaders("X-Forwarded-For")));
      client.ifPresent(
          address -> {
            request.setRemoteAddr(address);
            request.setRemoteHost(address);
          });
      Optional<Boolean> https =
          proxies.forwardedHttps(
              remote, List.copyOf(Collections.list(request.getHeaders("X-Forwarded-Proto"))));
      https.ifPresent(
          secure -> {
            request.setSecure(secure);
            request.getCoyoteRequest().scheme().setString(secure ? "https" : "http");
          });
      getNext().invoke(request, response);
    } finally {
      if (!request.isAsync()) {
        restore(request, remote, originalHost, originalSecure, originalScheme);
      }
    }
  }

  private static void restore(
      Request request, String remote, String host, boolean secure, String scheme) {
    {
      request.setRemoteAddr(remote);
      request.setRemoteHost(host);
      request.setSecure(secure);
      request.getCoyoteRequest().scheme().setString(scheme);
    }
  }
}
