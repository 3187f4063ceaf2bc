package io.kubeward.server;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Kubeward's server. Run it with {@code java -jar kubeward-server.jar [--kubeconfig <file>]
 * [--context <name>]}, or embed it with {@link #start(String...)}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KubewardServer {

  public static void main(String[] args) {
    start(args);
  }

  /**
   * Starts the server in this JVM and returns its context (close it to stop the server). Besides
   * Spring Boot's {@code --name=value} options it accepts {@code --kubeconfig <file>}, {@code
   * --kubeconfig=<file>}, {@code --context <name>} and {@code --context=<name>}.
   */
  public static ConfigurableApplicationContext start(String... args) {
    return new SpringApplication(KubewardServer.class).run(translateOptions(args));
  }

  /** Translates the kubectl-style options into {@code --kubeward.*} properties. */
  static String[] translateOptions(String... args) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String translated = null;
      for (String option : List.of("kubeconfig", "context")) {
        String flag = "--" + option;
        if (arg.equals(flag)) {
          if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
            throw new IllegalArgumentException(flag + " needs a value: " + flag + " <value>");
          }
          translated = "--kubeward." + option + "=" + args[++i];
        } else if (arg.startsWith(flag + "=")) {
          translated = "--kubeward." + arg.substring(2);
        }
      }
      out.add(translated != null ? translated : arg);
    }
    return out.toArray(String[]::new);
  }
}
