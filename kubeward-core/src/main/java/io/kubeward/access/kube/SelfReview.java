package io.kubeward.access.kube;

import io.fabric8.kubernetes.api.model.authorization.v1.ResourceAttributesBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.access.domain.ResourceAction;

/** One {@code SelfSubjectAccessReview}: may the client's identity do {@code action}? */
final class SelfReview {

  private SelfReview() {}

  /**
   * @throws io.fabric8.kubernetes.client.KubernetesClientException if the cluster cannot answer
   */
  static boolean allowed(KubernetesClient client, ResourceAction action) {
    SelfSubjectAccessReview review =
        new SelfSubjectAccessReviewBuilder()
            .withNewSpec()
            .withResourceAttributes(
                new ResourceAttributesBuilder()
                    .withVerb(action.verb())
                    .withGroup(action.group())
                    .withResource(action.resource())
                    .withSubresource(action.subresource())
                    .withNamespace(action.namespace())
                    .withName(action.name())
                    .build())
            .endSpec()
            .build();
    SelfSubjectAccessReview answer =
        client.authorization().v1().selfSubjectAccessReview().create(review);
    return answer.getStatus() != null && Boolean.TRUE.equals(answer.getStatus().getAllowed());
  }
}
