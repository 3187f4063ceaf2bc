package io.kubeward.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalPathTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "/api/v1/clusters",
        "/api/v1/clusters/local/pods/",
        "/assets/index-CrbmXFnZ.js",
        "/api/v1/clusters/local/objects/v1/ConfigMap/team-a/caf%C3%A9",
        "/api/v1/users/a%40b",
        "/a:b@c+d!e$f&g'h(i)j*k,l=m",
        "/api/v1/clusters/local/logs/search/a%20b"
      })
  void plainSpellingsAreCanonical(String path) {
    assertThat(CanonicalPath.violation(path)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/%61pi/v1/clusters",
        "/api/v1/%63lusters",
        "/%41PI",
        "/api/%2e%2e/v1",
        "/api/%2E/v1",
        "/api/v1/x%7E",
        "/api%2Fv1/clusters",
        "/api%2fv1",
        "/api%5Cv1",
        "/api%25v1",
        "/api%3Bx",
        "//api/v1/clusters",
        "/api//v1/clusters",
        "/api/v1/clusters//",
        "/api/v1/clusters/local/alert-rules/%20",
        "/api/v1/clusters/local/alert-rules/%20%20/x",
        "/api/./v1",
        "/api/../api/v1",
        "/./api",
        "/..",
        "/api;jsessionid=1/v1",
        "/api/v1;x",
        "/api\\v1",
        "/api/%zz",
        "/api/%4",
        "/api/%00",
        "/api/\u00e9",
        "api/v1",
        ""
      })
  void otherSpellingsAreNot(String path) {
    assertThat(CanonicalPath.violation(path)).isPresent();
  }
}
