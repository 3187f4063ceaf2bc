package io.kubeward.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.server.RunningServer;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The defects of issue 11 §3 as a user's client met them, each now a clean 4xx problem: malformed
 * query strings, oversized JSON bodies, unbounded durations, grants with null elements, malformed
 * Leases, multi-document YAML.
 */
@LocalControlPlane
class BadInputIT {

  static RunningServer server;
  static RawHttp http;
  static String token;
  static ApiOperations api;

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    server =
        RunningServer.start(
            "--kubeconfig",
            controlPlane.kubeconfig().toString(),
            "--kubeward.cluster-name=local",
            "--kubeward.probe.interval=1s");
    token = server.admin().createToken("bad-input-it", 1);
    http = new RawHttp(port(), Duration.ofSeconds(30));
    api = ApiOperations.of(server.getAsAdmin("/v3/api-docs").json());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static int port() {
    return Integer.parseInt(server.context().getEnvironment().getProperty("local.server.port"));
  }

  static Map<String, String> admin() {
    return Map.of("Authorization", "Bearer " + token, "Accept", "application/json");
  }

  /** A path with every template parameter filled with a plausible value. */
  static String filled(String template) {
    return template
        .replace("{cluster}", "local")
        .replace("{node}", "kwok-node-0")
        .replace("{kind}", "pods")
        .replace("{name}", "no-such-maintenance")
        .replace("{username}", "admin")
        .replace("{id}", "no-such-token");
  }

  @Test
  void aMalformedQueryIsA400ProblemOnEveryEndpoint() {
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (ApiOperations.Operation operation : api.operations()) {
      for (String query : List.of("?continue=%%%garbage&limit=%zz", "?limit=%zz", "?%e4%b8")) {
        String target = filled(operation.path()) + query;
        RawHttp.Response answer =
            http.send(
                operation.method(),
                target,
                admin(),
                operation.method().equals("GET") ? null : "{}".getBytes(StandardCharsets.UTF_8));
        checked++;
        if (answer.status() != 400
            || !answer.isProblem()
            || !answer.problemCode().equals("request.malformed-query")) {
          failures.add(
              operation.method() + " " + target + " → " + answer.status() + " " + answer.text());
        }
      }
    }
    assertThat(checked).isGreaterThan(60);
    assertThat(failures).isEmpty();
  }

  @Test
  void aMalformedQueryIsRefusedBeforeSignInAndInChinese() {
    RawHttp.Response anonymous =
        http.send(
            "GET",
            "/api/v1/clusters/local/resources/pods?continue=%%%garbage",
            Map.of("Accept-Language", "zh-CN"),
            null);
    assertThat(anonymous.status()).isEqualTo(400);
    assertThat(anonymous.json().path("code").asString()).isEqualTo("request.malformed-query");
    assertThat(anonymous.json().path("title").asString()).isEqualTo("查询字符串格式错误");
  }
}
