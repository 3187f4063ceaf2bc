package io.kubeward.server.sso;

import io.kubeward.access.domain.Origin;
import io.kubeward.common.KubewardException;
import io.kubeward.sso.app.SsoException;
import io.kubeward.sso.app.SsoSignIn;
import io.kubeward.user.domain.UserAccount;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The OpenID Connect sign-in: the authorization request (state, nonce, PKCE S256), the callback
 * (state bound to the browser, code for ID token, token verified, person signed in), and the CLI's
 * exchange of its own ID token. Every refusal is recorded as a failed sign-in.
 */
final class OidcSignIn {

  /** A started sign-in: where to send the browser, and the state its cookie must hold. */
  record Started(URI authorizationUrl, String state) {}

  private static final int MAX_PARAM = 2048;

  private final SsoProperties properties;
  private final OidcProvider provider;
  private final IdTokenVerifier verifier;
  private final CodeExchange exchange;
  private final PendingLogins pending;
  private final SsoSignIn signIn;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  OidcSignIn(
      SsoProperties properties,
      OidcProvider provider,
      IdTokenVerifier verifier,
      CodeExchange exchange,
      PendingLogins pending,
      SsoSignIn signIn,
      Clock clock) {
    this.properties = properties;
    this.provider = provider;
    this.verifier = verifier;
    this.exchange = exchange;
    this.pending = pending;
    this.signIn = signIn;
    this.clock = clock;
  }

  Started start(String redirectUri) {
    OidcProvider.Endpoints endpoints = provider.endpoints();
    String state = randomToken();
    String nonce = randomToken();
    String codeVerifier = randomToken() + randomToken();
    Instant now = clock.instant();
    pending.save(
        sha256Hex(state),
        new PendingLogins.Pending(nonce, codeVerifier, redirectUri),
        now.plus(properties.loginTimeout()),
        now);
    Map<String, String> query = new LinkedHashMap<>();
    query.put("response_type", "code");
    query.put("client_id", properties.clientId());
    query.put("redirect_uri", redirectUri);
    query.put("scope", String.join(" ", properties.scopes()));
    query.put("state", state);
    query.put("nonce", nonce);
    query.put("code_challenge", s256(codeVerifier));
    query.put("code_challenge_method", "S256");
    return new Started(CodeExchange.withQuery(endpoints.authorization(), query), state);
  }

  /**
   * Finishes a sign-in at the callback.
   *
   * @param browserState the state in the browser's sign-in cookie
   */
  UserAccount finish(String state, String browserState, String code, String error, String address) {
    try {
      if (error != null) {
        throw SsoException.providerError(error);
      }
      if (state == null
          || code == null
          || state.length() > MAX_PARAM
          || code.length() > MAX_PARAM
          || !state.equals(browserState)) {
        throw SsoException.invalidState();
      }
      PendingLogins.Pending started =
          pending.take(sha256Hex(state), clock.instant()).orElseThrow(SsoException::invalidState);
      String idToken =
          exchange.idToken(
              provider.endpoints(), code, started.codeVerifier(), started.redirectUri());
      Map<String, Object> claims = verifier.verify(idToken, properties.clientId(), started.nonce());
      return signIn.signIn(claims, Origin.CONSOLE, address);
    } catch (SsoException refused) {
      if (!isMappingRefusal(refused)) {
        signIn.refused(null, Origin.CONSOLE, address, refused);
      }
      throw refused;
    }
  }

  /** The CLI's sign-in: its ID token, for the CLI's client, verified exactly like the console's. */
  UserAccount exchange(String idToken, String address) {
    Map<String, Object> claims;
    try {
      claims = verifier.verify(idToken, properties.cliClientId(), null);
    } catch (SsoException refused) {
      signIn.refused(null, Origin.CLI, address, refused);
      throw refused;
    }
    return signIn.signIn(claims, Origin.CLI, address);
  }

  /**
   * Where to send the browser to end the provider's session too, or empty when the provider has no
   * end-session endpoint (or cannot be reached now).
   */
  Optional<URI> endSessionUrl(String postLogoutRedirectUri) {
    OidcProvider.Endpoints endpoints;
    try {
      endpoints = provider.endpoints();
    } catch (KubewardException unavailable) {
      return Optional.empty();
    }
    if (endpoints.endSession() == null) {
      return Optional.empty();
    }
    Map<String, String> query = new LinkedHashMap<>();
    query.put("client_id", properties.clientId());
    query.put("post_logout_redirect_uri", postLogoutRedirectUri);
    return Optional.of(CodeExchange.withQuery(endpoints.endSession(), query));
  }

  /** Refusals after the token was verified: {@link SsoSignIn} records those itself. */
  private static boolean isMappingRefusal(SsoException refused) {
    return switch (refused.code()) {
      case "sso.invalid-username", "sso.invalid-groups", "sso.no-access", "sso.local-user" -> true;
      default -> false;
    };
  }

  private String randomToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String s256(String verifier) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(sha256(verifier.getBytes(StandardCharsets.US_ASCII)));
  }

  static String sha256Hex(String value) {
    return HexFormat.of().formatHex(sha256(value.getBytes(StandardCharsets.UTF_8)));
  }

  private static byte[] sha256(byte[] value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
