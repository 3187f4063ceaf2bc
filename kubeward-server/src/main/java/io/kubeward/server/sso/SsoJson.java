package io.kubeward.server.sso;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The JSON of {@code /api/v1/auth/sso}. */
final class SsoJson {

  private SsoJson() {}

  /**
   * What the sign-in page and the CLI need to know; {@code issuer}, {@code cliClientId} and {@code
   * scopes} are {@code null} when single sign-on is off.
   */
  @Schema(name = "SsoSettings")
  record Settings(
      boolean enabled,
      String displayName,
      boolean localSignIn,
      @Nullable String issuer,
      @Nullable String cliClientId,
      @Nullable List<String> scopes) {}

  /**
   * The CLI's exchange: its ID token (from the provider, for the CLI's client) for a Kubeward API
   * token named {@code tokenName}, valid {@code expiresInDays} (1 to 365).
   */
  @Schema(name = "SsoTokenExchange")
  record TokenExchange(String idToken, String tokenName, Integer expiresInDays) {}

  /** The API token made by the exchange; its secret is shown only now. */
  @Schema(name = "SsoExchangedToken")
  record ExchangedToken(String username, String id, String name, Instant expiresAt, String token) {}

  /** Where to go to end the provider's session too, or {@code null}. */
  @Schema(name = "SsoSignedOut")
  record SignedOut(@Nullable String endSessionUrl) {}
}
