package io.kubeward.server.user;

import io.kubeward.access.app.Caller;
import io.kubeward.server.user.UserJson.GrantJson;
import io.kubeward.server.user.UserJson.NewUser;
import io.kubeward.server.user.UserJson.PasswordReset;
import io.kubeward.server.user.UserJson.User;
import io.kubeward.user.app.UserAdministration;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Users and roles, for administrators: {@code /api/v1/users}. Checks are in the use case. */
@RestController
@RequestMapping("/api/v1/users")
class UserController {

  private final UserAdministration users;

  UserController(UserAdministration users) {
    this.users = users;
  }

  @GetMapping
  List<User> list(Caller caller) {
    return users.list(caller).stream().map(User::of).toList();
  }

  @ApiResponse(responseCode = "201", description = "The created user")
  @PostMapping
  ResponseEntity<User> create(Caller caller, @RequestBody NewUser body) {
    User created =
        User.of(
            users.create(
                caller, body.username(), body.password(), GrantJson.toGrants(body.grants())));
    return ResponseEntity.created(URI.create("/api/v1/users/" + created.username())).body(created);
  }

  @PutMapping("/{username}/grants")
  User setGrants(Caller caller, @PathVariable String username, @RequestBody List<GrantJson> body) {
    return User.of(users.setGrants(caller, username, GrantJson.toGrants(body)));
  }

  @PostMapping("/{username}/password")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void resetPassword(
      Caller caller, @PathVariable String username, @RequestBody PasswordReset body) {
    users.resetPassword(caller, username, body.password());
  }

  @DeleteMapping("/{username}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(Caller caller, @PathVariable String username) {
    users.delete(caller, username);
  }
}
