package io.kubeward.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.server.RunningServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI document a started Kubeward serves ({@code /v3/api-docs}) is the committed contract
 * {@code kubeward-ui/openapi/kubeward-api.json}, from which the console generates its TypeScript
 * types at build time (ADR 0015). When an endpoint or a JSON record changes, this test fails and
 * names what differs; rewrite the file with
 *
 * <pre>
 * bin/openapi
 * </pre>
 *
 * (which runs this test with {@code -Dkubeward.openapi.write=true}, see {@link #COMMAND}) and
 * commit it with the change. No control plane is needed: the document comes from the code, so the
 * server runs against a cluster that does not answer.
 */
class OpenApiContractTest {

  static final String WRITE = "kubeward.openapi.write";
  static final Path CONTRACT =
      Path.of(
          System.getProperty("kubeward.openapi.file", "../kubeward-ui/openapi/kubeward-api.json"));
  static final String COMMAND =
      "bin/openapi   (= ./mvnw -B -ntp -pl kubeward-server -am test -Dexec.skip=true"
          + " -Dspotless.check.skip=true -Dtest=OpenApiContractTest"
          + " -Dsurefire.failIfNoSpecifiedTests=false -D"
          + WRITE
          + "=true)";
  static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir static Path dir;
  static RunningServer server;

  @BeforeAll
  static void start() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Path kubeconfig =
        Files.writeString(
            dir.resolve("kubeconfig"),
            """
            apiVersion: v1
            kind: Config
            clusters:
            - name: offline
              cluster:
                server: https://127.0.0.1:%d
                insecure-skip-tls-verify: true
            users:
            - name: admin
              user:
                token: not-a-real-token
            contexts:
            - name: offline
              context: {cluster: offline, user: admin}
            current-context: offline
            """
                .formatted(closedPort));
    server = RunningServer.start("--kubeconfig", kubeconfig.toString());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void servedDocumentIsTheCommittedContract() throws IOException {
    JsonNode served = served();
    if (Boolean.getBoolean(WRITE)) {
      Files.createDirectories(CONTRACT.toAbsolutePath().getParent());
      Files.writeString(CONTRACT, canonical(served), StandardCharsets.UTF_8);
      System.out.println("[openapi] wrote " + CONTRACT.toAbsolutePath().normalize());
      return;
    }
    assertThat(Files.exists(CONTRACT))
        .as("%s is missing; write it with:%n  %s", CONTRACT.toAbsolutePath().normalize(), COMMAND)
        .isTrue();
    JsonNode committed = JSON.readTree(Files.readString(CONTRACT, StandardCharsets.UTF_8));
    List<String> differences = new ArrayList<>();
    diff("", committed, served, differences);
    assertThat(differences)
        .as(
            "The OpenAPI document differs from %s (the console's types are generated from it)."
                + " If the change is intended, rewrite it with:%n  %s%nand commit it. Differences"
                + " (committed → served)",
            CONTRACT.toAbsolutePath().normalize(), COMMAND)
        .isEmpty();
  }

  @Test
  void committedContractIsCanonical() throws IOException {
    if (Boolean.getBoolean(WRITE) || !Files.exists(CONTRACT)) {
      return;
    }
    String text = Files.readString(CONTRACT, StandardCharsets.UTF_8);
    assertThat(text)
        .as("%s is not in the form the test writes; rewrite it with:%n  %s", CONTRACT, COMMAND)
        .isEqualTo(canonical(JSON.readTree(text)));
  }

  /** The served document without its {@code servers} (the random port of this test's server). */
  static JsonNode served() {
    RunningServer.Response response = server.getAsAdmin("/v3/api-docs");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    ObjectNode document = (ObjectNode) response.json();
    document.remove("servers");
    return document;
  }

  /** JSON with sorted keys and two-space indentation, as {@code JSON.stringify(x, null, 2)}. */
  static String canonical(JsonNode node) {
    StringBuilder out = new StringBuilder();
    write(node, "", out);
    return out.append('\n').toString();
  }

  private static void write(JsonNode node, String indent, StringBuilder out) {
    String inner = indent + "  ";
    if (node.isObject()) {
      TreeSet<String> names = new TreeSet<>(node.propertyNames());
      if (names.isEmpty()) {
        out.append("{}");
        return;
      }
      out.append("{\n");
      int i = 0;
      for (String name : names) {
        out.append(inner).append(JSON.writeValueAsString(name)).append(": ");
        write(node.get(name), inner, out);
        out.append(++i < names.size() ? ",\n" : "\n");
      }
      out.append(indent).append('}');
    } else if (node.isArray()) {
      if (node.isEmpty()) {
        out.append("[]");
        return;
      }
      out.append("[\n");
      for (int i = 0; i < node.size(); i++) {
        out.append(inner);
        write(node.get(i), inner, out);
        out.append(i + 1 < node.size() ? ",\n" : "\n");
      }
      out.append(indent).append(']');
    } else {
      out.append(JSON.writeValueAsString(node));
    }
  }

  /** JSON pointers where the two documents differ, at most 40. */
  static void diff(String at, JsonNode committed, JsonNode served, List<String> out) {
    if (out.size() >= 40 || committed.equals(served)) {
      return;
    }
    if (committed.isObject() && served.isObject()) {
      TreeSet<String> names = new TreeSet<>(committed.propertyNames());
      names.addAll(served.propertyNames());
      for (String name : names) {
        String path = at + "/" + name.replace("~", "~0").replace("/", "~1");
        if (!served.has(name)) {
          out.add("removed " + path);
        } else if (!committed.has(name)) {
          out.add("added   " + path);
        } else {
          diff(path, committed.get(name), served.get(name), out);
        }
      }
    } else {
      out.add(
          "changed "
              + at
              + ": "
              + abbreviate(committed.toString())
              + " → "
              + abbreviate(served.toString()));
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 120 ? text : text.substring(0, 117) + "...";
  }
}
