package io.kubeward.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeward.cli.CliConfig;
import io.kubeward.cli.CliContext;
import io.kubeward.cli.CliException;
import io.kubeward.cli.ExitCode;
import io.kubeward.cli.Json;
import io.kubeward.cli.KubewardCli;
import io.kubeward.cli.KubewardClient;
import io.kubeward.cli.Messages;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kubeward login}: signs in with user name and password, creates a personal API token for
 * this machine and stores server and token (0600). The password is never stored.
 */
@Command(
    name = "login",
    mixinStandardHelpOptions = false,
    description = "Sign in and store a personal API token in ~/.config/kubeward/cli.json.")
public final class LoginCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--server",
      required = true,
      paramLabel = "URL",
      description = "Kubeward's URL, e.g. http://127.0.0.1:8080.")
  String server;

  @Option(
      names = "--user",
      required = false, // issue 18 sso: not with --sso
      paramLabel = "NAME",
      description = "The Kubeward user.")
  String user;

  @Option(
      names = "--password-stdin",
      description = "Read the password from the first line of standard input.")
  boolean passwordStdin;

  @Option(
      names = "--cluster",
      paramLabel = "NAME",
      description = "Store a cluster to work on by default.")
  String cluster;

  @Option(
      names = "--token-days",
      paramLabel = "DAYS",
      description = "How long the token is valid (1..365, default ${DEFAULT-VALUE}).")
  int tokenDays = 90;

  // --- issue 18 sso ---
  @Option(
      names = "--sso",
      description =
          "Sign in through the identity provider in a browser (single sign-on) instead of a"
              + " password.")
  boolean sso;

  @Option(
      names = "--sso-timeout",
      paramLabel = "DURATION",
      description = "How long to wait for the browser's sign-in (default ${DEFAULT-VALUE}).")
  java.time.Duration ssoTimeout = java.time.Duration.ofMinutes(5);

  // --- end issue 18 sso ---

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help.")
  boolean help;

  @Override
  public Integer call() throws IOException {
    CliContext context = ((KubewardCli) spec.root().userObject()).context();
    Messages messages = context.messages();
    if (!server.startsWith("http://") && !server.startsWith("https://")) {
      throw new CliException(ExitCode.USAGE, messages.get("error.bad-server-url", server));
    }
    // --- issue 18 sso ---
    if (sso) {
      return signInWithSso(context, messages);
    }
    if (user == null || user.isBlank()) {
      throw new CliException(ExitCode.USAGE, messages.get("login.no-user"));
    }
    // --- end issue 18 sso ---
    char[] password = readPassword(context, messages);
    KubewardClient session = new KubewardClient(server, null, messages);
    JsonNode me;
    try {
      me =
          session.post(
              "/api/v1/auth/login", Map.of("username", user, "password", new String(password)));
    } finally {
      Arrays.fill(password, '\0');
    }
    if (me.path("mustChangePassword").asBoolean(false)) {
      throw new CliException(
          ExitCode.REFUSED, messages.get("login.must-change-password", user, session.server()));
    }
    String tokenName = tokenName(context);
    JsonNode created =
        session.post("/api/v1/auth/tokens", Map.of("name", tokenName, "expiresInDays", tokenDays));
    try {
      session.post("/api/v1/auth/logout", null);
    } catch (CliException e) {
      // the session ends by itself; the token is what counts
    }
    String token = Json.text(created, "token");
    if (token == null) {
      throw new CliException(ExitCode.REFUSED, messages.get("login.no-token"));
    }
    new CliConfig(session.server(), token, cluster).save(context.configFile(), messages);
    context
        .out()
        .println(
            messages.get(
                "login.done",
                session.server(),
                user,
                tokenName,
                Json.text(created, "expiresAt", "?"),
                context.configFile()));
    return ExitCode.OK;
  }

  // --- issue 18 sso ---
  private int signInWithSso(CliContext context, Messages messages) throws IOException {
    KubewardClient anonymous = new KubewardClient(server, null, messages);
    String tokenName = tokenName(context);
    JsonNode created =
        new SsoLogin(anonymous, messages, context.err(), ssoTimeout).signIn(tokenName, tokenDays);
    String token = Json.text(created, "token");
    if (token == null) {
      throw new CliException(ExitCode.REFUSED, messages.get("login.no-token"));
    }
    new CliConfig(anonymous.server(), token, cluster).save(context.configFile(), messages);
    context
        .out()
        .println(
            messages.get(
                "login.done",
                anonymous.server(),
                Json.text(created, "username", "?"),
                tokenName,
                Json.text(created, "expiresAt", "?"),
                context.configFile()));
    return ExitCode.OK;
  }

  // --- end issue 18 sso ---

  private char[] readPassword(CliContext context, Messages messages) throws IOException {
    if (passwordStdin) {
      String line = context.in().readLine();
      if (line == null || line.isEmpty()) {
        throw new CliException(ExitCode.USAGE, messages.get("login.no-password-on-stdin"));
      }
      return line.toCharArray();
    }
    if (context.password() == null) {
      throw new CliException(ExitCode.USAGE, messages.get("login.no-terminal"));
    }
    context.err().print(messages.get("login.prompt", user, server));
    context.err().flush();
    char[] password = context.password().get();
    if (password == null || password.length == 0) {
      throw new CliException(ExitCode.USAGE, messages.get("login.no-password"));
    }
    return password;
  }

  private static String tokenName(CliContext context) {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "this machine";
    }
    String name =
        "kubeward-cli on "
            + host
            + " ("
            + java.time.LocalDateTime.now(context.clock()).withNano(0).toString().replace('T', ' ')
            + ")";
    return name.length() > 100 ? name.substring(0, 100) : name;
  }
}
