package io.kubeward.server.sso;

import io.kubeward.sso.app.SsoException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Verifies an ID token: signature with a key of the provider's JWKS (asymmetric algorithms only,
 * never {@code none} or a shared secret), issuer equal to the configured one, the expected audience
 * (the console's or the CLI's client id), expiry (with {@code kubeward.sso.clock-skew}) and, for
 * the console, the nonce of the sign-in. Every refusal is an {@link SsoException}.
 */
final class IdTokenVerifier {

  static final int MAX_TOKEN_CHARS = 16 * 1024;

  private final OidcProvider provider;
  private final Clock clock;
  private final Duration skew;
  private final Map<String, NimbusJwtDecoder> decoders = new ConcurrentHashMap<>();

  IdTokenVerifier(OidcProvider provider, Clock clock, Duration skew) {
    this.provider = provider;
    this.clock = clock;
    this.skew = skew;
  }

  /**
   * @param nonce the sign-in's nonce, or {@code null} when none was sent (the CLI's exchange)
   * @return the token's claims
   */
  Map<String, Object> verify(String idToken, String audience, String nonce) {
    if (idToken == null || idToken.isBlank() || idToken.length() > MAX_TOKEN_CHARS) {
      throw SsoException.invalidToken("missing or longer than " + MAX_TOKEN_CHARS + " characters");
    }
    Jwt jwt;
    try {
      jwt = decoder(audience).decode(idToken);
    } catch (JwtValidationException e) {
      throw SsoException.invalidToken(
          e.getErrors().stream().map(err -> err.getDescription()).findFirst().orElse("claims"));
    } catch (BadJwtException e) {
      throw SsoException.invalidToken("malformed or not signed by the provider");
    } catch (JwtException e) {
      throw SsoException.providerUnavailable(provider.issuer());
    }
    Instant expires = jwt.getExpiresAt();
    if (expires == null || clock.instant().isAfter(expires.plus(skew))) {
      throw SsoException.expiredToken();
    }
    if (jwt.getSubject() == null || jwt.getSubject().isBlank()) {
      throw SsoException.invalidToken("no subject");
    }
    if (nonce != null && !nonce.equals(jwt.getClaimAsString("nonce"))) {
      throw SsoException.invalidToken("the nonce is not this sign-in's");
    }
    return jwt.getClaims();
  }

  private NimbusJwtDecoder decoder(String audience) {
    return decoders.computeIfAbsent(
        audience,
        aud -> {
          NimbusJwtDecoder decoder =
              NimbusJwtDecoder.withJwkSetUri(provider.endpoints().jwks().toString())
                  .jwsAlgorithms(
                      algorithms ->
                          algorithms.addAll(
                              List.of(
                                  SignatureAlgorithm.RS256,
                                  SignatureAlgorithm.RS384,
                                  SignatureAlgorithm.RS512,
                                  SignatureAlgorithm.PS256,
                                  SignatureAlgorithm.ES256,
                                  SignatureAlgorithm.ES384)))
                  .build();
          OAuth2TokenValidator<Jwt> audienceValidator =
              new JwtClaimValidator<List<String>>("aud", a -> a != null && a.contains(aud));
          decoder.setJwtValidator(
              new DelegatingOAuth2TokenValidator<>(
                  new JwtIssuerValidator(provider.issuer()), audienceValidator));
          return decoder;
        });
  }
}
