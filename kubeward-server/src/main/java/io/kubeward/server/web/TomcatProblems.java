package io.kubeward.server.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat refuses some requests before any servlet sees them (a path with an encoded {@code /},
 * {@code \} or control character, a malformed request line) and answers them with its own HTML
 * error page. Its error report valve is replaced by one that writes the same problem+json as the
 * rest of the API, so a client gets a code whatever it sent.
 */
@Configuration(proxyBeanMethods = false)
class TomcatProblems {

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve(
      MessageSource messages, JsonMapper json) {
    return factory ->
        factory.addContextCustomizers(
            context -> {
              if (context.getParent() instanceof StandardHost host) {
                // the host adds no default valve when one of this class is already there
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
                host.getPipeline().addValve(new ProblemReportValve(messages, json));
              }
            });
  }

  /** Writes an error that reached the container without a body as problem+json. */
  static final class ProblemReportValve extends ErrorReportValve {
    private final MessageSource messages;
    private final JsonMapper json;

    ProblemReportValve(MessageSource messages, JsonMapper json) {
      this.messages = messages;
      this.json = json;
      setShowReport(false);
      setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int code = response.getStatus();
      if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      HttpStatus status = HttpStatus.resolve(code);
      if (status == null) {
        status = code >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
      }
      Locale locale = LanguageResolver.resolve(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
      ProblemDetail problem =
          ApiProblems.problem(messages, status, ApiProblems.codeOf(status), new Object[0], locale);
      try {
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        PrintWriter writer = response.getReporter();
        if (writer != null) {
          writer.write(json.writeValueAsString(problem));
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException e) {
        // the client is gone or the response cannot be written: nothing more to say
      }
    }
  }
}
