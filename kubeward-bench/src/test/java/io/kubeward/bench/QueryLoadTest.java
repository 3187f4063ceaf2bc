package io.kubeward.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryLoadTest {

  @Test
  void keepsTheSessionAndTheCsrfCookieAsABrowserWould() {
    Map<String, String> jar = new LinkedHashMap<>();

    QueryLoad.keepCookies(
        List.of(
            "KUBEWARD_SESSION=YWJj; Path=/; HttpOnly; SameSite=Strict",
            "XSRF-TOKEN=t-1; Path=/; SameSite=Strict"),
        jar);
    QueryLoad.keepCookies(List.of("XSRF-TOKEN=t-2; Path=/"), jar);

    assertThat(QueryLoad.cookieHeader(jar)).isEqualTo("KUBEWARD_SESSION=YWJj; XSRF-TOKEN=t-2");
  }

  @Test
  void aClearedCookieIsNoLongerSent() {
    Map<String, String> jar = new LinkedHashMap<>(Map.of("XSRF-TOKEN", "t-1"));

    QueryLoad.keepCookies(List.of("XSRF-TOKEN=; Max-Age=0; Path=/"), jar);

    assertThat(QueryLoad.cookieHeader(jar)).isEmpty();
  }

  @Test
  void theServeFixtureRoundsUpToWholeDeploymentsWithOneNodePerThirtyPods() {
    FixtureSpec spec = ServeBenchmark.fixture(1_000);

    assertThat(spec.pods()).isEqualTo(1_020);
    assertThat(spec.nodes()).isEqualTo(34);
    assertThat(spec.namespaces()).isEqualTo(3);
  }

  @Test
  void cpuPerRequestIsPrintedNextToTheCoresKeptBusy() {
    assertThat(ServeBenchmark.cpu(3.0, 1_500, 15)).isEqualTo("3.0 s (0.20 cores, 2.00 ms/request)");
  }
}
