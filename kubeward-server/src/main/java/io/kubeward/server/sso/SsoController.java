package io.kubeward.server.sso;

import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.Origin;
import io.kubeward.common.KubewardException;
import io.kubeward.server.security.CurrentUser;
import io.kubeward.server.security.SessionSignIn;
import io.kubeward.sso.app.SsoException;
import io.kubeward.user.app.ApiTokens;
import io.kubeward.user.app.AuthException;
import io.kubeward.user.domain.UserAccount;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Single sign-on: {@code /api/v1/auth/sso}. The authorize and callback endpoints are browser
 * navigations (they answer with redirects); everything else answers JSON and problems like the rest
 * of the API.
 */
@RestController
@RequestMapping(SsoController.BASE)
class SsoController {

  static final String BASE = "/api/v1/auth/sso";
  static final String CALLBACK = BASE + "/callback";

  /** Holds the state of the browser's sign-in: sent back only to the callback, for 10 minutes. */
  static final String STATE_COOKIE = "KUBEWARD_SSO_STATE";

  private final SsoProperties properties;
  private final Optional<OidcSignIn> oidc;
  private final Optional<JdbcSsoUsers> ssoUsers;
  private final Optional<io.kubeward.sso.app.SsoSignIn> audit;
  private final SessionSignIn sessions;
  private final ApiTokens tokens;

  SsoController(
      SsoProperties properties,
      Optional<OidcSignIn> oidc,
      Optional<JdbcSsoUsers> ssoUsers,
      Optional<io.kubeward.sso.app.SsoSignIn> audit,
      SessionSignIn sessions,
      ApiTokens tokens) {
    this.properties = properties;
    this.oidc = oidc;
    this.ssoUsers = ssoUsers;
    this.audit = audit;
    this.sessions = sessions;
    this.tokens = tokens;
  }

  /** Public: whether the sign-in page shows the single sign-on button, and what the CLI needs. */
  @GetMapping
  SsoJson.Settings settings() {
    if (!properties.enabled()) {
      return new SsoJson.Settings(false, properties.displayName(), true, null, null, null);
    }
    return new SsoJson.Settings(
        true,
        properties.displayName(),
        properties.localSignIn(),
        properties.issuerUri().toString(),
        properties.cliClientId(),
        properties.scopes());
  }

  /** Public: starts a sign-in at the provider (a redirect with state, nonce and PKCE). */
  @ApiResponse(
      responseCode = "302",
      description = "To the identity provider, or to /login?sso-error=code when it is unreachable")
  @GetMapping("/authorize")
  ResponseEntity<Void> authorize(HttpServletRequest request) {
    OidcSignIn.Started started;
    try {
      started = oidc().start(callbackUrl(request));
    } catch (SsoException unavailable) {
      // a browser navigation: back to the sign-in page with the reason, not a JSON page
      return ResponseEntity.status(HttpStatus.FOUND)
          .header(HttpHeaders.CACHE_CONTROL, "no-store")
          .location(URI.create(signInPage(unavailable)))
          .build();
    }
    ResponseCookie cookie =
        ResponseCookie.from(STATE_COOKIE, started.state())
            .httpOnly(true)
            .secure(request.isSecure())
            // Lax: the provider sends the browser back with a top-level GET from its own site
            .sameSite("Lax")
            .path(CALLBACK)
            .maxAge(properties.loginTimeout())
            .build();
    return ResponseEntity.status(HttpStatus.FOUND)
        .header(HttpHeaders.SET_COOKIE, cookie.toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .location(started.authorizationUrl())
        .build();
  }

  /**
   * Public: the provider's redirect back. Signs the person in (a console session like a local
   * sign-in) and sends the browser to the console, or to the sign-in page with {@code sso-error}
   * set to the problem's code.
   */
  @ApiResponse(responseCode = "302", description = "To the console, or to /login?sso-error=code")
  @GetMapping("/callback")
  ResponseEntity<Void> callback(
      @RequestParam(required = false) String state,
      @RequestParam(required = false) String code,
      @RequestParam(required = false) String error,
      HttpServletRequest request,
      HttpServletResponse response) {
    ResponseCookie cleared =
        ResponseCookie.from(STATE_COOKIE, "")
            .httpOnly(true)
            .secure(request.isSecure())
            .sameSite("Lax")
            .path(CALLBACK)
            .maxAge(0)
            .build();
    response.addHeader(HttpHeaders.SET_COOKIE, cleared.toString());
    String target;
    try {
      UserAccount user =
          oidc().finish(state, browserState(request), code, error, request.getRemoteAddr());
      sessions.start(user, request, response);
      target = "/";
    } catch (KubewardException refused) {
      target = signInPage(refused);
    }
    return ResponseEntity.status(HttpStatus.FOUND)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .location(URI.create(target))
        .build();
  }

  /**
   * Public (JSON only, so no cross-site form can send it): the CLI presents the ID token it got
   * from the provider for the CLI's client; Kubeward verifies it like the console's (signature,
   * issuer, audience, expiry), signs the person in and answers a personal API token.
   */
  @ApiResponse(responseCode = "201", description = "The token; its secret is shown only now")
  @PostMapping(path = "/token", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<SsoJson.ExchangedToken> token(
      @RequestBody SsoJson.TokenExchange body, HttpServletRequest request) {
    if (body.expiresInDays() == null) {
      throw AuthException.invalidTokenRequest("expiresInDays is required");
    }
    UserAccount user = oidc().exchange(body.idToken(), request.getRemoteAddr());
    ApiTokens.Created created =
        tokens.create(
            new Caller(user.principal(), Origin.CLI, request.getRemoteAddr()),
            body.tokenName(),
            body.expiresInDays());
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(
            new SsoJson.ExchangedToken(
                user.username(),
                created.token().id(),
                created.token().name(),
                created.token().expiresAt(),
                created.secret()));
  }

  /**
   * Ends the caller's console session (local or single sign-on), audited; for a single sign-on user
   * also says where to end the provider's session when the provider has an end-session endpoint.
   */
  @PostMapping("/logout")
  SsoJson.SignedOut logout(
      Caller caller, HttpServletRequest request, HttpServletResponse response) {
    CurrentUser current = CurrentUser.of(request);
    boolean viaSso =
        properties.enabled()
            && ssoUsers.map(users -> users.isSsoUser(current.account().id())).orElse(false);
    sessions.end(request, response);
    audit.ifPresent(a -> a.signedOut(caller));
    String endSession =
        viaSso
            ? oidc().endSessionUrl(baseUrl(request) + "/login").map(URI::toString).orElse(null)
            : null;
    return new SsoJson.SignedOut(endSession);
  }

  private static String signInPage(KubewardException refused) {
    return "/login?sso-error=" + URLEncoder.encode(refused.code(), StandardCharsets.UTF_8);
  }

  private OidcSignIn oidc() {
    return oidc.orElseThrow(SsoException::disabled);
  }

  private static String browserState(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return null;
    }
    for (Cookie cookie : cookies) {
      if (STATE_COOKIE.equals(cookie.getName())) {
        return cookie.getValue();
      }
    }
    return null;
  }

  /** The callback's URL as the browser reaches Kubeward (through trusted proxies, if any). */
  static String callbackUrl(HttpServletRequest request) {
    return baseUrl(request) + CALLBACK;
  }

  private static String baseUrl(HttpServletRequest request) {
    return ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
  }
}
