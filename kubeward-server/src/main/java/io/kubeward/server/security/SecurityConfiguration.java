package io.kubeward.server.security;

import io.kubeward.user.app.ApiTokens;
import io.kubeward.user.app.UserStore;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what, at the HTTP level; the roles are checked by the use cases (see {@code
 * Authorizer}), not here.
 *
 * <ul>
 *   <li>Public: {@code /healthz}, {@code POST /api/v1/auth/login}, and {@code GET} outside the API
 *       (the console's files and routes, which hold no data).
 *   <li>Console: a server session (cookie {@code KUBEWARD_SESSION}, HttpOnly, SameSite=Strict,
 *       Secure over HTTPS) made by the login endpoint, plus CSRF by cookie-to-header: mutating
 *       requests carry {@code X-XSRF-TOKEN} equal to the {@code XSRF-TOKEN} cookie.
 *   <li>Scripts and the CLI: {@code Authorization: Bearer kw_...}, no session, no CSRF.
 *   <li>No HTTP Basic: scripts use tokens, so passwords are only ever sent to the login endpoint
 *       (where they are throttled and audited).
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

  /**
   * Paths that need a signed-in caller whatever the method; everything else answers {@code GET}s
   * without sign-in only because it is the console's files and routes. {@code /v3/**} holds the
   * OpenAPI document in every spelling springdoc serves ({@code /v3/api-docs}, {@code
   * /v3/api-docs.yaml}, groups).
   */
  static final String[] SIGNED_IN_ONLY = {
    "/api/**", "/v3/**", "/swagger-ui/**", "/swagger-ui.html"
  };

  /**
   * The console (Vue + Element Plus, built by Vite) needs nothing inline but style attributes that
   * Element Plus sets; no {@code unsafe-eval}, no other origin.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
          + " img-src 'self' data:; font-src 'self' data:; connect-src 'self';"
          + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  static final long HSTS_MAX_AGE = 31_536_000;

  static final String XSRF_COOKIE = "XSRF-TOKEN";
  static final String XSRF_HEADER = "X-XSRF-TOKEN";

  @Bean
  SecurityFilterChain securityFilterChain(
      HttpSecurity http,
      ProblemEntryPoint problems,
      ProblemWriter writer,
      ApiTokens tokens,
      UserStore users,
      CsrfTokenRepository csrfTokens,
      SecurityContextRepository contexts,
      EndedSessions ended) // issue 18 ha
      throws Exception {
    RequestMatcher login =
        PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/api/v1/auth/login");
    RequestMatcher bearer = AuthenticationFilters.BearerToken::isBearer;
    // --- issue 18 sso ---
    // single sign-on (ADR 0054): its settings, the browser's redirects to and from the identity
    // provider, and the CLI's exchange of a provider's ID token (JSON only, like login) are public
    RequestMatcher ssoPublic =
        new org.springframework.security.web.util.matcher.OrRequestMatcher(
            PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/api/v1/auth/sso"),
            PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/api/v1/auth/sso/authorize"),
            PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/api/v1/auth/sso/callback"),
            PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/api/v1/auth/sso/token"));
    RequestMatcher ssoToken =
        PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/api/v1/auth/sso/token");
    // --- end issue 18 sso ---
    AuthenticationFilters.BearerToken bearerFilter =
        new AuthenticationFilters.BearerToken(tokens, writer);
    http.authorizeHttpRequests(
            requests ->
                requests
                    // the async dispatch that completes an SSE response continues a request
                    // that was authorized already (its bearer filter does not run again)
                    .dispatcherTypeMatchers(DispatcherType.ASYNC)
                    .permitAll()
                    .requestMatchers("/healthz", "/error")
                    .permitAll()
                    .requestMatchers(login)
                    .permitAll()
                    .requestMatchers(ssoPublic) // issue 18 sso
                    .permitAll()
                    .requestMatchers(SIGNED_IN_ONLY)
                    .authenticated()
                    .requestMatchers(HttpMethod.GET, "/**")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .csrf(
            csrf ->
                csrf.spa()
                    .csrfTokenRepository(csrfTokens)
                    .ignoringRequestMatchers(login, bearer, ssoToken))
        .securityContext(context -> context.securityContextRepository(contexts))
        .sessionManagement(
            sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
        .exceptionHandling(
            exceptions ->
                exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .referrerPolicy(
                        referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                    .frameOptions(frames -> frames.deny())
                    .contentTypeOptions(Customizer.withDefaults())
                    // only on HTTPS requests (directly or through a trusted proxy)
                    .httpStrictTransportSecurity(
                        hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(HSTS_MAX_AGE)))
        .httpBasic(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .addFilterBefore(bearerFilter, AuthorizationFilter.class)
        .addFilterAfter(
            new AuthenticationFilters.SessionUser(users, writer, ended), // issue 18 ha
            AuthenticationFilters.BearerToken.class);
    return http.build();
  }

  @Bean
  CsrfTokenRepository csrfTokenRepository() {
    CookieCsrfTokenRepository repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
    repository.setCookieName(XSRF_COOKIE);
    repository.setHeaderName(XSRF_HEADER);
    repository.setCookiePath("/");
    repository.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
    return repository;
  }

  @Bean
  SecurityContextRepository securityContextRepository() {
    return new HttpSessionSecurityContextRepository();
  }
}
