package io.kubeward.server.user;

import io.kubeward.access.app.Caller;
import io.kubeward.server.user.UserJson.GrantJson;
import io.kubeward.server.user.UserJson.NewUser;
import io.kubeward.server.user.UserJson.PasswordReset;
import io.kubeward.server.user.UserJson.User;
import io.kubeward.server.user.UserJson.UserChange;
import io.kubeward.user.app.ClusterGrants;
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
import org.springframework.web.bind.annotation.RequestParam;
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
  ResponseEntity<UserChange> create(Caller caller, @RequestBody NewUser body) {
    UserChange created =
        UserChange.of(
            users.create(
                caller, body.username(), body.password(), GrantJson.toGrants(body.grants())));
    return ResponseEntity.created(URI.create("/api/v1/users/" + created.username())).body(created);
  }

  @PutMapping("/{username}/grants")
  UserChange setGrants(
      Caller caller, @PathVariable String username, @RequestBody List<GrantJson> body) {
    return UserChange.of(users.setGrants(caller, username, GrantJson.toGrants(body)));
  }

  /**
   * Makes every user's grant bindings in one cluster (e.g. one added after the grants were made),
   * with the administrator's identity.
   */
  @PostMapping("/bindings/sync")
  List<ClusterGrants.Sync> syncCluster(Caller caller, @RequestParam String cluster) {
    return users.syncCluster(caller, cluster);
  }

  /** The user's RBAC bindings made from grants, per cluster, next to what the grants call for. */
  @GetMapping("/{username}/bindings")
  List<UserAdministration.ClusterBindings> bindings(Caller caller, @PathVariable String username) {
    return users.bindings(caller, username);
  }

  @PostMapping("/{username}/password")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void resetPassword(
      Caller caller, @PathVariable String username, @RequestBody PasswordReset body) {
    users.resetPassword(caller, username, body.password());
  }

  /** Disables the user: no sign-in, sessions and streams end, API tokens are revoked. */
  @PostMapping("/{username}/disable")
  User disable(Caller caller, @PathVariable String username) {
    return User.of(users.disable(caller, username));
  }

  @PostMapping("/{username}/enable")
  User enable(Caller caller, @PathVariable String username) {
    return User.of(users.enable(caller, username));
  }

  @DeleteMapping("/{username}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(Caller caller, @PathVariable String username) {
    users.delete(caller, username);
  }
}
