package io.kubeward.server.user;

import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.Origin;
import io.kubeward.server.security.CurrentUser;
import io.kubeward.server.security.SessionSignIn;
import io.kubeward.server.user.UserJson.CreatedToken;
import io.kubeward.server.user.UserJson.LoginRequest;
import io.kubeward.server.user.UserJson.Me;
import io.kubeward.server.user.UserJson.PasswordChange;
import io.kubeward.server.user.UserJson.Token;
import io.kubeward.server.user.UserJson.TokenRequest;
import io.kubeward.user.app.ApiTokens;
import io.kubeward.user.app.AuthException;
import io.kubeward.user.app.ChangePassword;
import io.kubeward.user.app.SignIn;
import io.kubeward.user.domain.UserAccount;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sign-in, the signed-in user, own password and own API tokens: {@code /api/v1/auth}. */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

  private final SignIn signIn;
  private final SessionSignIn sessions;
  private final ChangePassword changePassword;
  private final ApiTokens tokens;

  AuthController(
      SignIn signIn, SessionSignIn sessions, ChangePassword changePassword, ApiTokens tokens) {
    this.signIn = signIn;
    this.sessions = sessions;
    this.changePassword = changePassword;
    this.tokens = tokens;
  }

  /** JSON only: a cross-site HTML form cannot send it, which is why login needs no CSRF token. */
  @PostMapping(path = "/login", consumes = MediaType.APPLICATION_JSON_VALUE)
  Me login(
      @RequestBody LoginRequest body, HttpServletRequest request, HttpServletResponse response) {
    Origin origin =
        "cli".equalsIgnoreCase(request.getHeader(CurrentUser.CLIENT_HEADER))
            ? Origin.CLI
            : Origin.CONSOLE;
    UserAccount user =
        signIn.signIn(body.username(), body.password(), origin, request.getRemoteAddr());
    sessions.start(user, request, response);
    return Me.of(user);
  }

  @PostMapping("/logout")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void logout(HttpServletRequest request, HttpServletResponse response) {
    sessions.end(request, response);
  }

  @GetMapping("/me")
  Me me(HttpServletRequest request) {
    return Me.of(CurrentUser.of(request).account());
  }

  /**
   * Changes the caller's password: every other session of the user ends, this one continues under a
   * new id, open streams close, and the user's API tokens are revoked unless {@code revokeTokens}
   * is {@code false}.
   */
  @PostMapping("/password")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void password(
      Caller caller,
      @RequestBody PasswordChange body,
      HttpServletRequest request,
      HttpServletResponse response) {
    UserAccount changed =
        changePassword.change(
            caller,
            body.currentPassword(),
            body.newPassword(),
            !Boolean.FALSE.equals(body.revokeTokens()));
    sessions.rotate(changed, request, response);
  }

  @GetMapping("/tokens")
  List<Token> tokens(Caller caller) {
    return tokens.list(caller).stream().map(Token::of).toList();
  }

  @ApiResponse(responseCode = "201", description = "The token; its secret is shown only now")
  @PostMapping("/tokens")
  ResponseEntity<CreatedToken> createToken(Caller caller, @RequestBody TokenRequest body) {
    if (body.expiresInDays() == null) {
      throw AuthException.invalidTokenRequest("expiresInDays is required");
    }
    ApiTokens.Created created =
        tokens.create(caller, body.name(), body.expiresInDays(), body.scope());
    Token shown = Token.of(created.token());
    return ResponseEntity.created(URI.create("/api/v1/auth/tokens/" + created.token().id()))
        .body(
            new CreatedToken(
                shown.id(),
                shown.name(),
                shown.expiresAt(),
                created.secret(),
                shown.readOnly(),
                shown.cluster(),
                shown.namespaces(),
                shown.canCreateTokens()));
  }

  @DeleteMapping("/tokens/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void revokeToken(Caller caller, @PathVariable String id) {
    tokens.revoke(caller, id);
  }
}
