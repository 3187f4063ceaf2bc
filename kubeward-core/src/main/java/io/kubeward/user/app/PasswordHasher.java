package io.kubeward.user.app;

/** Port: one-way password hashing with a per-password salt (bcrypt in the server). */
public interface PasswordHasher {

  String hash(String password);

  boolean matches(String password, String hash);
}
