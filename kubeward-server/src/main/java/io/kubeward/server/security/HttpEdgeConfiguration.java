package io.kubeward.server.security;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * What happens to a request before Spring Security sees it: trusted proxies' forwarding headers are
 * applied in Tomcat ({@link TrustedProxyValve}), encoded slashes reach the application (to be
 * refused there with a problem, not by Tomcat with an HTML page), and the first filter refuses
 * non-canonical paths ({@link CanonicalPathFilter}).
 */
@Configuration(proxyBeanMethods = false)
class HttpEdgeConfiguration {

  @Bean
  FilterRegistrationBean<CanonicalPathFilter> canonicalPathFilter(ProblemWriter problems) {
    FilterRegistrationBean<CanonicalPathFilter> registration =
        new FilterRegistrationBean<>(new CanonicalPathFilter(problems));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.addUrlPatterns("/*");
    return registration;
  }

  @Bean
  WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> trustedProxiesAndSlashes(
      HttpEdgeProperties properties) {
    TrustedProxies proxies = properties.proxies();
    return factory -> {
      if (!proxies.isEmpty()) {
        factory.addEngineValves(new TrustedProxyValve(proxies));
      }
      // %2F and %5C pass through undecoded; CanonicalPathFilter refuses them with a problem.
      factory.addConnectorCustomizers(
          connector -> {
            connector.setEncodedSolidusHandling("passthrough");
            connector.setEncodedReverseSolidusHandling("passthrough");
          });
    };
  }
}
