package io.kubeward.server.sso;

import io.kubeward.sso.app.SsoException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * With single sign-on on and {@code kubeward.sso.local-sign-in=false}, the password sign-in ({@code
 * POST /api/v1/auth/login}) answers {@code sso.local-sign-in-off}: hiding the form alone would
 * leave passwords accepted.
 */
@Configuration(proxyBeanMethods = false)
class LocalSignInGate implements WebMvcConfigurer {

  private final SsoProperties properties;

  LocalSignInGate(SsoProperties properties) {
    this.properties = properties;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    if (properties.enabled() && !properties.localSignIn()) {
      registry
          .addInterceptor(
              new HandlerInterceptor() {
                @Override
                public boolean preHandle(
                    HttpServletRequest request, HttpServletResponse response, Object handler) {
                  if ("POST".equals(request.getMethod())) {
                    throw SsoException.localSignInOff();
                  }
                  return true;
                }
              })
          .addPathPatterns("/api/v1/auth/login");
    }
  }
}
