package io.kubeward.server.web;

import io.kubeward.common.KubewardException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Checks every request before anything else runs (the security filters included), so that bad input
 * is one 4xx problem wherever it arrives:
 *
 * <ul>
 *   <li>a query string that cannot be decoded (malformed percent-encoding such as {@code %zz}, too
 *       many parameters) is 400 {@code request.malformed-query}. Tomcat decodes parameters lazily
 *       and throws from the first {@code getParameter} call, which used to reach the generic
 *       handler as a 500; here the decoding is forced once, up front.
 *   <li>every request body (JSON, YAML, anything) is limited to {@value #MAX_BODY_BYTES} bytes: a
 *       larger {@code Content-Length} is 413 {@code request.too-large} at once, and a body that
 *       turns out larger while it is read fails with {@link BodyTooLargeException}, which {@link
 *       ApiProblems} answers with the same 413.
 * </ul>
 *
 * Problems are written by {@link ApiProblems} itself (through the {@link
 * HandlerExceptionResolver}), so the shape and the language are the same as everywhere else.
 */
@Configuration(proxyBeanMethods = false)
public class RequestGuards {

  /** The largest request body Kubeward reads: 1 MiB, for YAML and JSON alike. */
  public static final int MAX_BODY_BYTES = 1024 * 1024;

  private static final Logger log = LoggerFactory.getLogger(RequestGuards.class);

  /** A body larger than {@link #MAX_BODY_BYTES}, found while reading it. */
  public static final class BodyTooLargeException extends IOException {
    BodyTooLargeException() {
      super("the request body is larger than " + MAX_BODY_BYTES + " bytes");
    }
  }

  @Bean
  FilterRegistrationBean<Guard> requestGuard(
      @Qualifier("handlerExceptionResolver") ObjectProvider<HandlerExceptionResolver> resolvers,
      LocaleResolver locales) {
    FilterRegistrationBean<Guard> registration =
        new FilterRegistrationBean<>(new Guard(resolvers, locales));
    // after the character encoding filter (highest precedence), before Spring Security (-100)
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    registration.addUrlPatterns("/*");
    return registration;
  }

  static final class Guard extends OncePerRequestFilter {
    private final ObjectProvider<HandlerExceptionResolver> resolvers;
    private final LocaleResolver locales;

    Guard(ObjectProvider<HandlerExceptionResolver> resolvers, LocaleResolver locales) {
      this.resolvers = resolvers;
      this.locales = locales;
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      if (request.getContentLengthLong() > MAX_BODY_BYTES) {
        answer(request, response, BadRequestException.tooLarge(MAX_BODY_BYTES));
        return;
      }
      try {
        request.getParameterMap();
      } catch (IllegalStateException | IllegalArgumentException malformed) {
        // Tomcat's InvalidParameterException is an IllegalStateException
        log.debug("Malformed query string {}: {}", request.getQueryString(), malformed.toString());
        answer(request, response, BadRequestException.malformedQuery());
        return;
      }
      chain.doFilter(new LimitedRequest(request), response);
    }

    private void answer(
        HttpServletRequest request, HttpServletResponse response, KubewardException problem) {
      request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, locales);
      HandlerExceptionResolver resolver = resolvers.getObject();
      resolver.resolveException(request, response, null, problem);
    }
  }

  /** The request with a body stream that refuses to read past {@link #MAX_BODY_BYTES}. */
  static final class LimitedRequest extends HttpServletRequestWrapper {
    private ServletInputStream limited;

    LimitedRequest(HttpServletRequest request) {
      super(request);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (limited == null) {
        limited = new LimitedInputStream(super.getInputStream());
      }
      return limited;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
  }

  static final class LimitedInputStream extends ServletInputStream {
    private final ServletInputStream in;
    private long read;

    LimitedInputStream(ServletInputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws BodyTooLargeException {
      read += n;
      if (read > MAX_BODY_BYTES) {
        throw new BodyTooLargeException();
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
