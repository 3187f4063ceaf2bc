package io.kubeward.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.access.domain.KubeIdentity;
import io.kubeward.access.domain.ResourceAction;
import io.kubeward.server.RunningServer;
import io.kubeward.server.RunningServer.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What the authorization ITs share: the cluster's own answer for an identity (a SubjectAccessReview
 * asked with the admin client, as {@code kubectl auth can-i --as} does), the audit records of a
 * user, and the shape of a refusal.
 */
final class ClusterAccessSupport {

  private ClusterAccessSupport() {}

  /** The Kubernetes groups Kubeward sends for a user (plus what the apiserver adds). */
  static List<String> groupsOf(boolean kubewardAdmin) {
    List<String> groups = new ArrayList<>(List.of(KubeIdentity.USERS_GROUP));
    if (kubewardAdmin) {
      groups.add(KubeIdentity.ADMINS_GROUP);
    }
    groups.add("system:authenticated");
    return groups;
  }

  /** The groups of a service account, as the apiserver authenticates it. */
  static List<String> serviceAccountGroups(String namespace) {
    return List.of("system:serviceaccounts", "system:serviceaccounts:" + namespace);
  }

  /** {@code kubectl auth can-i <verb> <resource> --as <user>}: the cluster's answer, now. */
  static boolean canI(
      KubernetesClient admin, String user, List<String> groups, ResourceAction action) {
    SubjectAccessReview review =
        new SubjectAccessReviewBuilder()
            .withNewSpec()
            .withUser(user)
            .withGroups(groups)
            .withNewResourceAttributes()
            .withVerb(action.verb())
            .withGroup(action.group())
            .withResource(action.resource())
            .withSubresource(action.subresource())
            .withNamespace(action.namespace())
            .withName(action.name())
            .endResourceAttributes()
            .endSpec()
            .build();
    SubjectAccessReview answer = admin.authorization().v1().subjectAccessReview().create(review);
    return answer.getStatus() != null && Boolean.TRUE.equals(answer.getStatus().getAllowed());
  }

  /** The audit records of {@code user} for {@code verb} (all verbs if null), newest first. */
  static JsonNode audit(RunningServer server, String user, String verb) {
    String query = "/api/v1/audit?limit=500&user=" + encode(user);
    if (verb != null) {
      query += "&verb=" + encode(verb);
    }
    Response page = server.getAsAdmin(query);
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    return page.json().get("items");
  }

  /**
   * A 403 {@code resource.forbidden} from the apiserver whose reason names the Kubernetes user and
   * the missing permission ({@code User "kubeward:x" cannot patch resource "nodes"...}).
   */
  static void assertForbiddenByCluster(
      Response response, String username, String verb, String resource) {
    assertThat(response.status()).as(response.body()).isEqualTo(403);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.problemCode()).as(response.body()).isEqualTo("resource.forbidden");
    assertThat(response.json().path("reason").asString())
        .contains("User \"" + KubeIdentity.userOf(username) + "\"")
        .contains("cannot " + verb + " resource \"" + resource + "\"");
  }

  /** A problem+json with the given status and code. */
  static void assertProblem(Response response, int status, String code) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.problemCode()).as(response.body()).isEqualTo(code);
  }

  static String configMapJson(String namespace, String name) {
    return """
        {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"%s","namespace":"%s"},"data":{"k":"v"}}
        """
        .formatted(name, namespace);
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
